/**
 * Faster replacements for three training kernels of tfjs 4.22's pure-JS `cpu` backend. Its
 * `Conv2DBackpropFilter` (conv2d's weight gradient), `Conv2DBackpropInput` (the gradient passed
 * back through a conv layer) and `MaxPoolGrad` read every element through
 * `TensorBuffer.get(...indices)`, which makes one training step of a small MNIST CNN take ~2 s:
 * unusable for the CNN experiments on a machine whose browser has no WebGL, and for the Node
 * tests. These compute the same sums over flat arrays (skipping zero pixels, which are most of a
 * digit). Same maths, same results (checked against the stock kernels in the tests); registered
 * only for `cpu`, only for the channels-last layout the layers API uses, delegating anything else
 * to the stock kernel.
 */
import type * as TF from "@tensorflow/tfjs";

type Tf = typeof TF;
type KernelConfig = ReturnType<Tf["getKernel"]>;
type KernelParams = Parameters<KernelConfig["kernelFunc"]>[0];
type TensorInfo = NonNullable<KernelParams["inputs"][string]>;

interface CpuBackendLike {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: "float32", values: Float32Array): TensorInfo;
}

function isCpuBackend(backend: unknown): backend is CpuBackendLike {
  const data = typeof backend === "object" && backend !== null ? (backend as { data?: unknown }).data : undefined;
  return (
    typeof data === "object" && data !== null && typeof (data as { get?: unknown }).get === "function" &&
    typeof (backend as { makeTensorInfo?: unknown }).makeTensorInfo === "function"
  );
}

function floatValues(backend: CpuBackendLike, tensor: TensorInfo | undefined): Float32Array | null {
  if (!tensor) return null;
  const values = backend.data.get(tensor.dataId).values;
  return values instanceof Float32Array ? values : null;
}

const installed = new WeakSet<object>();

type WindowInfo = ReturnType<Tf["backend_util"]["computeConv2DInfo"]>;

/**
 * Where each output cell's window lies in the input, shared by convolution and pooling: for output
 * cell `o` (= oh·outWidth + ow), entries `start[o]` to `start[o + 1]` give each tap (kh, kw) of the
 * window, in row-major order, whose input pixel ih = oh·s + kh − pad, iw = ow·s + kw − pad lies
 * inside the image: `pixel` = ih·inWidth + iw and `tap` = kh·filterWidth + kw. Taps in the padding
 * are left out (they contribute nothing), so the kernels' inner loops carry no bounds checks.
 */
interface WindowTaps {
  start: Int32Array;
  pixel: Int32Array;
  tap: Int32Array;
}

function windowTaps(info: WindowInfo): WindowTaps {
  const { inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const start = new Int32Array(outHeight * outWidth + 1);
  const pixel: number[] = [];
  const tap: number[] = [];
  for (let oh = 0; oh < outHeight; oh++) {
    for (let ow = 0; ow < outWidth; ow++) {
      for (let kh = 0; kh < filterHeight; kh++) {
        const ih = oh * strideHeight + kh - top;
        if (ih < 0 || ih >= inHeight) continue;
        for (let kw = 0; kw < filterWidth; kw++) {
          const iw = ow * strideWidth + kw - left;
          if (iw < 0 || iw >= inWidth) continue;
          pixel.push(ih * inWidth + iw);
          tap.push(kh * filterWidth + kw);
        }
      }
      start[oh * outWidth + ow + 1] = pixel.length;
    }
  }
  return { start, pixel: Int32Array.from(pixel), tap: Int32Array.from(tap) };
}

/** The geometry of a conv2d from the kernel's attributes (channels last, no dilation). */
function conv2dInfo(tf: Tf, inputShape: readonly number[], filterShape: readonly number[], attrs: KernelParams["attrs"]): WindowInfo {
  return tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs?.strides as [number, number] | number,
    1,
    attrs?.pad as "same" | "valid" | number,
    attrs?.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
  );
}

/**
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·s + kh − pad, ow·s + kw − pad, ci] · dy[b, oh, ow, co].
 */
function conv2dFilterGradient(tf: Tf, stock: KernelConfig["kernelFunc"]): KernelConfig["kernelFunc"] {
  return (params) => {
    const { inputs, backend, attrs } = params;
    const x = inputs.x;
    const dy = inputs.dy;
    const xValues = isCpuBackend(backend) ? floatValues(backend, x) : null;
    const dyValues = isCpuBackend(backend) ? floatValues(backend, dy) : null;
    const dataFormat = attrs?.dataFormat ?? "NHWC";
    if (!isCpuBackend(backend) || !x || !xValues || !dyValues || dataFormat !== "NHWC") return stock(params);
    const info = conv2dInfo(tf, x.shape, attrs?.filterShape as number[], attrs);
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
    const { start, pixel, tap } = windowTaps(info);
    const outCells = outHeight * outWidth;
    const sums = new Float64Array(info.filterHeight * info.filterWidth * inChannels * outChannels);
    for (let b = 0; b < batchSize; b++) {
      for (let cell = 0; cell < outCells; cell++) {
        const dyBase = (b * outCells + cell) * outChannels;
        for (let t = start[cell] as number; t < (start[cell + 1] as number); t++) {
          const xBase = (b * inHeight * inWidth + (pixel[t] as number)) * inChannels;
          const wBase = (tap[t] as number) * inChannels;
          for (let ci = 0; ci < inChannels; ci++) {
            const xv = xValues[xBase + ci] as number;
            if (xv === 0) continue;
            const out = (wBase + ci) * outChannels;
            for (let co = 0; co < outChannels; co++) sums[out + co] = (sums[out + co] as number) + xv * (dyValues[dyBase + co] as number);
          }
        }
      }
    }
    return backend.makeTensorInfo(info.filterShape, "float32", Float32Array.from(sums));
  };
}

/**
 * dx[b, ih, iw, ci] = Σ_{kh, kw, co} dy[b, oh, ow, co] · W[kh, kw, ci, co] over the (oh, ow) whose
 * window covers (ih, iw): each output cell's gradient is scattered back through the filter.
 */
function conv2dInputGradient(tf: Tf, stock: KernelConfig["kernelFunc"]): KernelConfig["kernelFunc"] {
  return (params) => {
    const { inputs, backend, attrs } = params;
    const dyValues = isCpuBackend(backend) ? floatValues(backend, inputs.dy) : null;
    const filterValues = isCpuBackend(backend) ? floatValues(backend, inputs.filter) : null;
    const dataFormat = attrs?.dataFormat ?? "NHWC";
    if (!isCpuBackend(backend) || !inputs.filter || !dyValues || !filterValues || dataFormat !== "NHWC") return stock(params);
    const inputShape = attrs?.inputShape as [number, number, number, number];
    const info = conv2dInfo(tf, inputShape, inputs.filter.shape, attrs);
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
    const { start, pixel, tap } = windowTaps(info);
    const outCells = outHeight * outWidth;
    const dx = new Float32Array(batchSize * inHeight * inWidth * inChannels);
    for (let b = 0; b < batchSize; b++) {
      for (let cell = 0; cell < outCells; cell++) {
        const dyBase = (b * outCells + cell) * outChannels;
        for (let t = start[cell] as number; t < (start[cell + 1] as number); t++) {
          const dxBase = (b * inHeight * inWidth + (pixel[t] as number)) * inChannels;
          const wBase = (tap[t] as number) * inChannels;
          for (let ci = 0; ci < inChannels; ci++) {
            const wRow = (wBase + ci) * outChannels;
            let sum = 0;
            for (let co = 0; co < outChannels; co++) sum += (dyValues[dyBase + co] as number) * (filterValues[wRow + co] as number);
            dx[dxBase + ci] = (dx[dxBase + ci] as number) + sum;
          }
        }
      }
    }
    return backend.makeTensorInfo([...inputShape], "float32", dx);
  };
}

/**
 * dx routes each pooled gradient to the position of its window's maximum (the first one, as the
 * stock kernel does on ties).
 */
function maxPoolGradient(tf: Tf, stock: KernelConfig["kernelFunc"]): KernelConfig["kernelFunc"] {
  return (params) => {
    const { inputs, backend, attrs } = params;
    const x = inputs.input;
    const xValues = isCpuBackend(backend) ? floatValues(backend, x) : null;
    const dyValues = isCpuBackend(backend) ? floatValues(backend, inputs.dy) : null;
    if (!isCpuBackend(backend) || !x || !xValues || !dyValues) return stock(params);
    const info = tf.backend_util.computePool2DInfo(
      x.shape as [number, number, number, number],
      attrs?.filterSize as [number, number] | number,
      attrs?.strides as [number, number] | number,
      1,
      attrs?.pad as "same" | "valid" | number,
      attrs?.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
    );
    const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
    const { start, pixel } = windowTaps(info);
    const outCells = outHeight * outWidth;
    const dx = new Float32Array(xValues.length);
    for (let b = 0; b < batchSize; b++) {
      for (let cell = 0; cell < outCells; cell++) {
        for (let c = 0; c < channels; c++) {
          let best = -Infinity;
          let bestIndex = -1;
          for (let t = start[cell] as number; t < (start[cell + 1] as number); t++) {
            const index = (b * inHeight * inWidth + (pixel[t] as number)) * channels + c;
            const value = xValues[index] as number;
            if (value > best) {
              best = value;
              bestIndex = index;
            }
          }
          if (bestIndex >= 0) dx[bestIndex] = (dx[bestIndex] as number) + (dyValues[(b * outCells + cell) * channels + c] as number);
        }
      }
    }
    return backend.makeTensorInfo([...x.shape], "float32", dx);
  };
}

/** Installs the three kernels for the `cpu` backend (once per tfjs instance). Returns whether it did. */
export function installFastCpuTrainingKernels(tf: Tf): boolean {
  if (installed.has(tf.engine())) return false;
  const replacements: [string, (tf: Tf, stock: KernelConfig["kernelFunc"]) => KernelConfig["kernelFunc"]][] = [
    ["Conv2DBackpropFilter", conv2dFilterGradient],
    ["Conv2DBackpropInput", conv2dInputGradient],
    ["MaxPoolGrad", maxPoolGradient],
  ];
  for (const [kernelName, make] of replacements) {
    const stock = tf.getKernel(kernelName, "cpu");
    if (!stock) continue;
    tf.unregisterKernel(kernelName, "cpu");
    tf.registerKernel({ ...stock, kernelFunc: make(tf, stock.kernelFunc) });
  }
  installed.add(tf.engine());
  return true;
}
