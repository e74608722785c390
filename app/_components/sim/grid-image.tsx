"use client";
import { useEffect, useRef, type ReactNode } from "react";
import type { Grid } from "@/lib/sim";

export type GridPalette = "ink" | "diverging" | "heat";

/**
 * Colour of a value: "ink" draws a digit (0 white → 1 black, as printed); "heat" a non-negative
 * map (0 pale → max dark indigo); "diverging" a signed map (negative blue, 0 white, positive orange).
 */
function colorOf(value: number, scale: number, palette: GridPalette): [number, number, number] {
  if (palette === "ink") {
    const v = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
    return [v, v, v];
  }
  const t = scale === 0 ? 0 : Math.max(-1, Math.min(1, value / scale));
  if (palette === "heat") {
    const a = Math.max(0, t);
    return [Math.round(248 - a * (248 - 49)), Math.round(250 - a * (250 - 46)), Math.round(252 - a * (252 - 129))];
  }
  if (t >= 0) return [Math.round(255 - t * (255 - 217)), Math.round(255 - t * (255 - 95)), Math.round(255 - t * (255 - 2))];
  const a = -t;
  return [Math.round(255 - a * (255 - 29)), Math.round(255 - a * (255 - 78)), Math.round(255 - a * (255 - 216))];
}

export function gridScale(grid: Grid): number {
  return grid.values.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
}

/**
 * A grid of numbers drawn as an image: one canvas pixel per cell, scaled up with crisp edges. It is
 * a picture (role img) with a text alternative; `overlay` draws on top in cell units (a highlight).
 */
export function GridImage({
  grid,
  label,
  palette = "ink",
  scale,
  size = 112,
  overlay,
  className = "",
}: {
  grid: Grid;
  label: string;
  palette?: GridPalette;
  /** The value drawn at full colour (default: the grid's largest |value|). */
  scale?: number;
  size?: number;
  overlay?: ReactNode;
  className?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const full = scale ?? gridScale(grid);
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    const image = context.createImageData(grid.width, grid.height);
    grid.values.forEach((value, i) => {
      const [r, g, b] = colorOf(value, full, palette);
      image.data.set([r, g, b, 255], i * 4);
    });
    context.putImageData(image, 0, 0);
  }, [grid, full, palette]);
  return (
    <div className={`relative inline-block shrink-0 ${className}`} style={{ width: size, height: size * (grid.height / grid.width) }}>
      <canvas
        ref={canvas}
        width={grid.width}
        height={grid.height}
        role="img"
        aria-label={label}
        className="block size-full rounded-sm border border-slate-300 [image-rendering:pixelated] dark:border-slate-700"
      />
      {overlay}
    </div>
  );
}

/** A rectangle over a GridImage, in cells of a `width` × `height` grid. */
export function CellHighlight({ row, column, rows = 1, columns = 1, width, height, color = "#db2777" }: { row: number; column: number; rows?: number; columns?: number; width: number; height: number; color?: string }) {
  return (
    <span
      aria-hidden="true"
      className="pointer-events-none absolute box-border border-2"
      style={{
        left: `${(column / width) * 100}%`,
        top: `${(row / height) * 100}%`,
        width: `${(columns / width) * 100}%`,
        height: `${(rows / height) * 100}%`,
        borderColor: color,
      }}
    />
  );
}
