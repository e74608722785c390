"use client";
import { useEffect, useRef } from "react";

/**
 * A colour image stored channels last (height × width × 3, values in [0, 1]) drawn one canvas
 * pixel per pixel, scaled up with crisp edges; a picture (role img) with a text alternative.
 */
export function RgbImage({ values, width, height, label, size = 64 }: { values: readonly number[]; width: number; height: number; label: string; size?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    const image = context.createImageData(width, height);
    for (let pixel = 0; pixel < width * height; pixel++) {
      for (let channel = 0; channel < 3; channel++) {
        image.data[pixel * 4 + channel] = Math.round(255 * Math.min(1, Math.max(0, values[pixel * 3 + channel] ?? 0)));
      }
      image.data[pixel * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [values, width, height]);
  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      style={{ width: size, height: size * (height / width) }}
      className="block shrink-0 rounded-sm border border-slate-300 [image-rendering:pixelated] dark:border-slate-700"
    />
  );
}
