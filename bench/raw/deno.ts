/**
 * The raw Deno FFI binding the `raw` runner calls: the libc functions with
 * the declarations `ffi/libc.ts` uses, called directly, nothing in between.
 *
 * @module
 */

const lib = Deno.dlopen("libc.so.6", {
  write: { parameters: ["i32", "buffer", "usize"], result: "isize" },
  read: { parameters: ["i32", "buffer", "usize"], result: "isize" },
  send: { parameters: ["i32", "buffer", "usize", "i32"], result: "isize" },
  recv: { parameters: ["i32", "buffer", "usize", "i32"], result: "isize" },
  sendto: { parameters: ["i32", "buffer", "usize", "i32", "buffer", "u32"], result: "isize" },
  recvfrom: {
    parameters: ["i32", "buffer", "usize", "i32", "buffer", "buffer"],
    result: "isize",
  },
});

/** The bound functions. */
export const symbols = lib.symbols;

/** A size_t argument as this runtime takes it fastest (a bigint in Deno). */
export const size = (n: number): bigint => BigInt(n);
