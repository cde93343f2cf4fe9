/**
 * The raw bun:ffi binding the `raw` runner calls: the libc functions with
 * the declarations `ffi/bun.ts` uses, called directly, nothing in between.
 *
 * @module
 */

import { dlopen, FFIType } from "bun:ffi";

const { i32, ptr, u32, u64, i64_fast } = FFIType;
const lib = dlopen("libc.so.6", {
  write: { args: [i32, ptr, u64], returns: i64_fast },
  read: { args: [i32, ptr, u64], returns: i64_fast },
  send: { args: [i32, ptr, u64, i32], returns: i64_fast },
  recv: { args: [i32, ptr, u64, i32], returns: i64_fast },
  sendto: { args: [i32, ptr, u64, i32, ptr, u32], returns: i64_fast },
  recvfrom: { args: [i32, ptr, u64, i32, ptr, ptr], returns: i64_fast },
});

/** The bound functions. */
export const symbols = lib.symbols;

/** A size_t argument as this runtime takes it fastest (a number in Bun). */
export const size = (n: number): number => n;
