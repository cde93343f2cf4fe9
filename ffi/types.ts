/**
 * Portable FFI type tags and the C type aliases built from them.
 *
 * A symbol table (`libc.ts`, `ws2_32.ts`) describes each C function once with
 * these tags; the Deno and Bun adapters translate them into their own
 * vocabularies. Nothing here touches a runtime.
 *
 * @module
 */

/** A C value type as the adapters understand it. */
export type FfiType =
  | "i8"
  | "u8"
  | "i16"
  | "u16"
  | "i32"
  | "u32"
  | "i64"
  | "u64"
  | "isize"
  | "usize"
  | "f64"
  /** A pointer to memory owned by JS: a typed array (or `null`), valid for the call only. */
  | "buffer"
  /** A raw address as a bigint (`0n` for NULL), e.g. one returned by C. */
  | "pointer"
  | "void";

/** One C function: its parameter types in order and its result type. */
export interface FfiSymbol {
  readonly parameters: readonly FfiType[];
  readonly result: FfiType;
  /**
   * True when the function reports failure through `errno` (or
   * `WSAGetLastError()`), so the adapter must read it right after the call.
   */
  readonly errno?: boolean;
  /**
   * True for a function that may block and so runs off the JS thread: the
   * adapter returns a Promise of its result (Deno's `nonblocking` calls).
   * The error code of such a call is not available. Only runtimes whose
   * `Runtime.nonblocking` is true can bind one.
   */
  readonly nonblocking?: boolean;
}

/** A library's symbol table: C function name to its description. */
export type SymbolTable = Readonly<Record<string, FfiSymbol>>;

/** The tags whose values are 64 bits wide and travel as bigint in Deno. */
export const WIDE_TYPES: ReadonlySet<FfiType> = new Set<FfiType>([
  "i64",
  "u64",
  "isize",
  "usize",
]);

// C type aliases for the LP64 data model (Linux, macOS, FreeBSD on 64-bit).
/** `int` */
export const int = "i32";
/** `unsigned int` */
export const uint = "u32";
/** `long` on LP64 */
export const long = "i64";
/** `socklen_t` */
export const socklen_t = "u32";
/** `size_t` */
export const size_t = "usize";
/** `ssize_t` */
export const ssize_t = "isize";
/** `nfds_t` on Linux (`unsigned long`) */
export const nfds_t = "u64";
/** Any data pointer the caller owns (`void *`, `struct sockaddr *`, ...). */
export const buf = "buffer";
/** A pointer returned by C or read from C memory. */
export const ptr = "pointer";

// C type aliases for Windows x64 (LLP64: long is 32 bits, pointers 64).
/**
 * `SOCKET` (`UINT_PTR`). Declared signed so that `INVALID_SOCKET` (all ones)
 * reads as -1; real handles are small positive numbers (the kernel keeps
 * handle values within 32 bits for 32-bit interoperability).
 */
export const SOCKET = "i64";
/** `DWORD`, `ULONG`, `u_long` (32 bits on Windows) */
export const DWORD = "u32";
/** `WORD` */
export const WORD = "u16";
/** `BOOL` (an `int`) */
export const BOOL = "i32";
/** `HANDLE` as returned by kernel32 (an address-sized value; NULL is `0n`) */
export const HANDLE = "pointer";
