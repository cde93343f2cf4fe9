/**
 * Byte strings: PHP strings as JS strings with one code unit (0-255) per
 * byte, and conversions to and from `Uint8Array` and text.
 *
 * @module
 */

// deno-lint-ignore no-control-regex -- the class is "every code unit that is not a byte"
const NOT_A_BYTE = /[^\x00-\xff]/;
const CHUNK = 0x2000;

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
  const index = data.search(NOT_A_BYTE);
  if (index >= 0) {
    throw new TypeError(
      `the character at index ${index} is above \\xFF. `
        + "Encode text first, e.g. with textToByteString() or new TextEncoder().encode()",
    );
  }
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data.charCodeAt(i);
  return out;
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
  let out = "";
  for (let i = 0; i < u8.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, u8.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
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
