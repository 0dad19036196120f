import { inflateRawSync } from 'node:zlib';

/** One file in a ZIP, from its central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read here. */
  method: number;
  compressedSize: number;
  /** As declared; a hostile file may lie, so readers cap what they inflate instead of trusting it. */
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** A DOCX has a few dozen parts; thousands of entries is an archive, not a document. */
const MAX_ENTRIES = 5_000;

/** Thrown when the bytes are not a readable ZIP; callers turn it into a refusal that fits their context. */
export class ZipUnreadable extends Error {}

/**
 * Lists a ZIP's entries from its central directory, checking every offset against the buffer (the file is untrusted).
 * ZIP64 is not supported: no DOCX needs it.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw new ZipUnreadable('no end of central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipUnreadable('ZIP64 archive');
  if (count > MAX_ENTRIES) throw new ZipUnreadable('too many entries');
  if (offset + size > end) throw new ZipUnreadable('central directory out of bounds');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipUnreadable('bad central directory entry');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) throw new ZipUnreadable('entry name out of bounds');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one entry, inflating at most `maxBytes`. Throws `ZipUnreadable` for a damaged entry and a
 * `RangeError` (code ERR_BUFFER_TOO_LARGE) when it unpacks to more than `maxBytes`.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipUnreadable(`bad local header for ${entry.name}`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > bytes.byteLength) throw new ZipUnreadable(`${entry.name} out of bounds`);
  const data = bytes.subarray(start, stop);
  if (entry.method === 0) {
    if (data.byteLength > maxBytes)
      throw Object.assign(new RangeError('entry too large'), { code: 'ERR_BUFFER_TOO_LARGE' });
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw new ZipUnreadable(`${entry.name} uses compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if (isTooLarge(error)) throw error;
    throw new ZipUnreadable(`${entry.name} does not inflate`);
  }
}

/** Whether an error is zlib's (or `readZipEntry`'s) "output over maxOutputLength". */
export function isTooLarge(error: unknown): boolean {
  // By code, not `instanceof RangeError`: the error may come from another realm (a vm context, as under Jest).
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE';
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  return -1;
}
