/**
 * Byte strings: PHP strings as JS strings with one code unit (0-255) per
 * byte, and conversions to and from `Uint8Array` and text.
 *
 * @module
 */

import { Buffer } from "node:buffer";

// deno-lint-ignore no-control-regex -- the class is "every code unit that is not a byte"
const NOT_A_BYTE = /[^\x00-\xff]/;

/**
 * Up to this many bytes, a JS loop builds a byte string faster than a call
 * into the runtime's native Latin-1 decoder (measured in Deno and Bun).
 */
const SHORT_STRING = 6;

type Latin1Slice = (this: Uint8Array, start: number, end: number) => string;
/**
 * Node's Latin-1 decoder, which Deno and Bun both implement natively
 * (15 and 2.5 GB/s here, against 0.3 GB/s for `String.fromCharCode`).
 * `Buffer.prototype.latin1Slice` spares the Buffer object that the
 * documented `Buffer.from(...).toString("latin1")` creates per call.
 */
const nativeLatin1: Latin1Slice =
  (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice
    ?? function(this: Uint8Array, start: number, end: number): string {
      return Buffer.from(this.buffer, this.byteOffset + start, end - start).toString("latin1");
    };

/**
 * The byte string of `bytes[start, end)`, without a view object in between.
 * Internal: the readers use it on their scratch buffers.
 */
export function latin1Slice(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= SHORT_STRING) {
    let s = "";
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
    return s;
  }
  return nativeLatin1.call(bytes, start, end);
}

/** Whether every code unit of `text` is a byte (0-255). Internal. */
export function isByteString(text: string): boolean {
  return !NOT_A_BYTE.test(text);
}

/**
 * From this length on, {@link encodeNative} beats a JS loop (crossover
 * measured between 256 and 1,024 code units in Deno and Bun; at 64 KiB the
 * loop takes 124/94 µs, the native path 29/13 µs).
 */
const NATIVE_ENCODE = 512;
/** Code units per `btoa` call: a multiple of 3, so the Base64 pieces decode independently. */
const ENCODE_PIECE = 3 << 20;

type SetFromBase64 = (this: Uint8Array, base64: string) => { read: number; written: number };
const setFromBase64 = (Uint8Array.prototype as unknown as { setFromBase64?: SetFromBase64 })
  .setFromBase64;

/**
 * Writes a long byte string into `out` with the runtime's native code and
 * returns false, leaving `out` partly written, if a code unit is above 255.
 * Neither runtime has a native Latin-1 encoder (Deno's `Buffer.from(s,
 * "latin1")` is a slow JS loop, Bun's skips the check), but `btoa` is native
 * in both, accepts exactly the byte strings (it throws InvalidCharacterError
 * for anything else), and `Uint8Array.prototype.setFromBase64` decodes its
 * output into place.
 */
function encodeNative(text: string, out: Uint8Array, set: SetFromBase64): boolean {
  for (let at = 0; at < text.length; at += ENCODE_PIECE) {
    let base64: string;
    try {
      base64 = btoa(text.slice(at, at + ENCODE_PIECE));
    } catch (e) {
      if ((e as Error).name === "InvalidCharacterError") return false;
      throw e;
    }
    set.call(out.subarray(at), base64);
  }
  return true;
}

/**
 * Writes a byte string into `out` from index 0, one byte per code unit, and
 * returns its length, or -1 if a code unit is above 255 (then `out` holds
 * garbage). `out` must have room for `text.length` bytes. Internal.
 */
export function latin1Into(text: string, out: Uint8Array): number {
  if (text.length >= NATIVE_ENCODE && setFromBase64) {
    return encodeNative(text, out, setFromBase64) ? text.length : -1;
  }
  let all = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    all |= c;
    out[i] = c;
  }
  return all > 0xff ? -1 : text.length;
}

/**
 * Converts a byte string to bytes.
 *
 * @param data A string whose code units are all 0-255.
 * @returns A new `Uint8Array` with one byte per code unit.
 * @throws {TypeError} If `data` holds a code unit above 255 (text, not bytes).
 * @example
 * ```ts
 * import { stringToBytes } from "./mod.ts";
 * stringToBytes("\x00\xff"); // Uint8Array [0, 255]
 * ```
 */
export function stringToBytes(data: string): Uint8Array {
  const out = new Uint8Array(data.length);
  if (latin1Into(data, out) >= 0) return out;
  const index = data.search(NOT_A_BYTE);
  throw new TypeError(
    `the character at index ${index} is above \\xFF. `
      + "Encode text first, e.g. with textToByteString() or new TextEncoder().encode()",
  );
}

/**
 * Converts bytes to a byte string.
 *
 * @param bytes Any typed array or DataView; its bytes are read as they lie in memory.
 * @returns A string with one code unit (0-255) per byte.
 * @example
 * ```ts
 * import { bytesToString } from "./mod.ts";
 * bytesToString(new Uint8Array([104, 105])); // "hi"
 * ```
 */
export function bytesToString(bytes: ArrayBufferView): string {
  const u8 = asBytes(bytes);
  return latin1Slice(u8, 0, u8.length);
}

/**
 * Encodes text as UTF-8 and returns the bytes as a byte string.
 *
 * @example
 * ```ts
 * import { textToByteString } from "./mod.ts";
 * textToByteString("é"); // "\xc3\xa9"
 * ```
 */
export function textToByteString(text: string): string {
  return bytesToString(new TextEncoder().encode(text));
}

/**
 * Decodes a UTF-8 byte string (or bytes) to text.
 *
 * @example
 * ```ts
 * import { byteStringToText } from "./mod.ts";
 * byteStringToText("\xc3\xa9"); // "é"
 * ```
 */
export function byteStringToText(data: string | ArrayBufferView): string {
  return new TextDecoder().decode(typeof data === "string" ? stringToBytes(data) : asBytes(data));
}

/** A `Uint8Array` view of any ArrayBufferView's bytes, without copying. */
export function asBytes(view: ArrayBufferView): Uint8Array {
  return view instanceof Uint8Array
    ? view
    : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}
