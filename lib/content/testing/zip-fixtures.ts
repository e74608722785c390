import { deflateRawSync } from "node:zlib";
import { zipFiles } from "../export-zip";

/**
 * A one-entry ZIP whose entry is deflated (method 8), the way zip(1) writes it, built by rewriting
 * a stored archive. `declaredSize` overrides the uncompressed size the headers state (a hostile
 * archive states a small size and inflates to much more).
 */
export function deflatedZip(path: string, data: Uint8Array, declaredSize = data.length): Uint8Array {
  const stored = zipFiles([{ path, data }]);
  const deflated = new Uint8Array(deflateRawSync(data));
  const view = new DataView(stored.buffer);
  const nameLength = view.getUint16(26, true);
  const local = stored.slice(0, 30 + nameLength);
  const lv = new DataView(local.buffer);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, declaredSize, true);
  const centralStart = 30 + nameLength + data.length;
  const central = stored.slice(centralStart, stored.length - 22);
  const cv = new DataView(central.buffer);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, declaredSize, true);
  const end = stored.slice(stored.length - 22);
  new DataView(end.buffer).setUint32(16, local.length + deflated.length, true);
  return new Uint8Array([...local, ...deflated, ...central, ...end]);
}
