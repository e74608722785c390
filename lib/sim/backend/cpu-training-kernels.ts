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
    const filterShape = attrs?.filterShape as [number, number, number, number];
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      attrs?.strides as [number, number] | number,
      1,
      attrs?.pad as "same" | "valid" | number,
      attrs?.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
    );
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
    const { strideHeight, strideWidth } = info;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    const sums = new Float64Array(filterHeight * filterWidth * inChannels * outChannels);
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * outChannels;
          for (let kh = 0; kh < filterHeight; kh++) {
            const ih = oh * strideHeight + kh - top;
            if (ih < 0 || ih >= inHeight) continue;
            for (let kw = 0; kw < filterWidth; kw++) {
              const iw = ow * strideWidth + kw - left;
              if (iw < 0 || iw >= inWidth) continue;
              const xBase = ((b * inHeight + ih) * inWidth + iw) * inChannels;
              const wBase = (kh * filterWidth + kw) * inChannels;
              for (let ci = 0; ci < inChannels; ci++) {
                const xv = xValues[xBase + ci] as number;
                if (xv === 0) continue;
                const out = (wBase + ci) * outChannels;
                for (let co = 0; co < outChannels; co++) sums[out + co] = (sums[out + co] as number) + xv * (dyValues[dyBase + co] as number);
              }
            }
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
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      inputs.filter.shape as [number, number, number, number],
      attrs?.strides as [number, number] | number,
      1,
      attrs?.pad as "same" | "valid" | number,
      attrs?.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
    );
    const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
    const { strideHeight, strideWidth } = info;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    const dx = new Float32Array(batchSize * inHeight * inWidth * inChannels);
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          const dyBase = ((b * outHeight + oh) * outWidth + ow) * outChannels;
          for (let kh = 0; kh < filterHeight; kh++) {
            const ih = oh * strideHeight + kh - top;
            if (ih < 0 || ih >= inHeight) continue;
            for (let kw = 0; kw < filterWidth; kw++) {
              const iw = ow * strideWidth + kw - left;
              if (iw < 0 || iw >= inWidth) continue;
              const dxBase = ((b * inHeight + ih) * inWidth + iw) * inChannels;
              const wBase = (kh * filterWidth + kw) * inChannels;
              for (let ci = 0; ci < inChannels; ci++) {
                const wRow = (wBase + ci) * outChannels;
                let sum = 0;
                for (let co = 0; co < outChannels; co++) sum += (dyValues[dyBase + co] as number) * (filterValues[wRow + co] as number);
                dx[dxBase + ci] = (dx[dxBase + ci] as number) + sum;
              }
            }
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
    const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, filterHeight, filterWidth } = info;
    const { strideHeight, strideWidth } = info;
    const top = info.padInfo.top;
    const left = info.padInfo.left;
    const dx = new Float32Array(xValues.length);
    for (let b = 0; b < batchSize; b++) {
      for (let oh = 0; oh < outHeight; oh++) {
        for (let ow = 0; ow < outWidth; ow++) {
          for (let c = 0; c < channels; c++) {
            let best = -Infinity;
            let bestIndex = -1;
            for (let kh = 0; kh < filterHeight; kh++) {
              const ih = oh * strideHeight + kh - top;
              if (ih < 0 || ih >= inHeight) continue;
              for (let kw = 0; kw < filterWidth; kw++) {
                const iw = ow * strideWidth + kw - left;
                if (iw < 0 || iw >= inWidth) continue;
                const index = ((b * inHeight + ih) * inWidth + iw) * channels + c;
                const value = xValues[index] as number;
                if (value > best) {
                  best = value;
                  bestIndex = index;
                }
              }
            }
            if (bestIndex >= 0) dx[bestIndex] = (dx[bestIndex] as number) + (dyValues[((b * outHeight + oh) * outWidth + ow) * channels + c] as number);
          }
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
