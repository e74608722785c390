/**
 * Reads the files of a ZIP archive (pure: deflated entries are inflated by the function the caller
 * passes, `zlib.inflateRawSync` on the server). Enough of the format for what people upload: a
 * deck folder zipped by DeepDrill, Finder, Explorer or `zip -r`. Refuses archives that would
 * unpack to more than `maxBytes` (a zip bomb is a 422, not an out-of-memory).
 */
import { crc32 } from "./export-zip";

export interface UnzippedFile {
  path: string;
  data: Uint8Array;
}

export class ZipError extends Error {
  override name = "ZipError";
}

export interface UnzipOptions {
  /** Inflates a raw DEFLATE stream (method 8); without it, only stored entries can be read. */
  inflateRaw?: (data: Uint8Array, expectedSize: number) => Uint8Array;
  maxBytes?: number;
  maxEntries?: number;
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function unzipFiles(bytes: Uint8Array, options: UnzipOptions = {}): UnzippedFile[] {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 1_000;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === END_SIGNATURE) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("not a ZIP archive (no end of central directory)");
  const count = view.getUint16(end + 10, true);
  const centralOffset = view.getUint32(end + 16, true);
  if (count > maxEntries) throw new ZipError(`the archive holds ${count} entries; at most ${maxEntries} are read`);
  const decoder = new TextDecoder("utf-8");
  const files: UnzippedFile[] = [];
  let total = 0;
  let at = centralOffset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new ZipError("damaged ZIP archive (central directory)");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith("/")) continue;
    if (flags & 0x1) throw new ZipError(`${path}: encrypted entries cannot be read`);
    total += size;
    if (total > maxBytes) throw new ZipError(`the archive unpacks to more than ${Math.round(maxBytes / 1024)} kB`);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) throw new ZipError(`${path}: damaged ZIP entry`);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const raw = bytes.subarray(start, start + compressedSize);
    if (raw.length !== compressedSize) throw new ZipError(`${path}: the archive is truncated`);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) {
      if (!options.inflateRaw) throw new ZipError(`${path}: compressed entries cannot be read here`);
      try {
        data = options.inflateRaw(raw, size);
      } catch (error) {
        // zlib throws a RangeError past its output limit (the caller sets it to `size`) and a
        // plain Error on corrupt data: both are the archive's fault, so both are ZipErrors.
        throw new ZipError(error instanceof RangeError ? `${path}: inflates to more than the ${size} bytes it declares` : `${path}: damaged compressed data`);
      }
    } else throw new ZipError(`${path}: compression method ${method} is not supported (use "deflate" or none)`);
    if (data.length !== size || crc32(data) !== crc) throw new ZipError(`${path}: checksum mismatch (damaged archive)`);
    files.push({ path, data });
  }
  return files;
}
