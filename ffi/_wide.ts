/**
 * Cheap conversions between JS numbers and the bigints that carry 64-bit C
 * integers through Deno's FFI (ffi/deno.ts).
 *
 * `BigInt(n)` and `Number(b)` are builtin calls that V8 does not inline;
 * measured on a syscall, they cost about 40 and 30 ns per FFI call, a tenth
 * of a `send()`. These give the same results for every input:
 *
 * - {@link toBigInt} remembers the last conversion per low byte of `n`, so
 *   a program passing the same few lengths again and again (1, 4096, 65536)
 *   gets a stored bigint back (bigints are immutable: sharing one is safe).
 * - {@link signedToNumber} and {@link unsignedToNumber} store the bigint in
 *   a 64-bit typed array, which V8 compiles to plain 64-bit stores, and read
 *   back the low 32 bits when the value fits in them; otherwise `Number()`.
 *
 * @module
 */

const SLOTS = 256;
/** The number each slot converted last; NaN (never equal) when empty. */
const cachedNumber = new Float64Array(SLOTS).fill(NaN);
const cachedBigInt: bigint[] = new Array<bigint>(SLOTS).fill(0n);

/** `BigInt(v)` for a number (an integer: anything else throws, as `BigInt` does); a bigint as is. */
export function toBigInt(v: number | bigint): bigint {
  if (typeof v === "bigint") return v;
  const slot = v & (SLOTS - 1);
  if (cachedNumber[slot] === v) return cachedBigInt[slot];
  const b = BigInt(v);
  cachedNumber[slot] = v;
  cachedBigInt[slot] = b;
  return b;
}

const signed = new BigInt64Array(1);
const unsigned = new BigUint64Array(signed.buffer);
const words = new Int32Array(signed.buffer);
const uwords = new Uint32Array(signed.buffer);
/** Index of the low and high 32-bit words of a 64-bit value in memory. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE_ENDIAN ? 0 : 1;
const HI = 1 - LO;

/** `Number(v)` for a signed 64-bit result (`i64`, `isize`); a number as is. */
export function signedToNumber(v: number | bigint): number {
  if (typeof v === "number") return v;
  signed[0] = v;
  const lo = words[LO];
  return words[HI] === lo >> 31 ? lo : Number(v);
}

/** `Number(v)` for an unsigned 64-bit result (`u64`, `usize`); a number as is. */
export function unsignedToNumber(v: number | bigint): number {
  if (typeof v === "number") return v;
  unsigned[0] = v;
  return uwords[HI] === 0 ? uwords[LO] : Number(v);
}
