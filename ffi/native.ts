/**
 * What an FFI adapter provides, independent of the runtime behind it.
 *
 * `ffi/deno.ts` and `ffi/bun.ts` each implement {@link Runtime}; everything
 * above `ffi/` sees only these types.
 *
 * @module
 */

import type { FfiSymbol, FfiType, SymbolTable } from "./types.ts";

/** The JS value passed for a parameter of the given C type. */
export type JsArg<T extends FfiType> = T extends "buffer" ? ArrayBufferView | null
  : T extends "pointer" ? bigint
  : number;

/** The JS value a C function of the given result type returns. */
export type JsResult<T extends FfiType> = T extends "pointer" ? bigint
  : T extends "void" ? void
  : number;

type JsArgs<P extends readonly FfiType[]> = { -readonly [I in keyof P]: JsArg<P[I]> };

/** A callable JS function for one symbol-table entry (a Promise for `nonblocking` ones). */
export type NativeFunction<S extends FfiSymbol> = (
  ...args: JsArgs<S["parameters"]>
) => S extends { readonly nonblocking: true } ? Promise<JsResult<S["result"]>>
  : JsResult<S["result"]>;

/** The JS functions of an opened library, named as in its symbol table. */
export type NativeFunctions<T extends SymbolTable> = {
  readonly [K in keyof T]: NativeFunction<T[K]>;
};

/** How to open a library and where its thread-local error code lives. */
export interface LibrarySpec<T extends SymbolTable> {
  /** Candidate file names, tried in order. */
  readonly paths: readonly string[];
  /** The functions to bind. */
  readonly symbols: T;
  /**
   * The symbol giving the last error code: `"location"` for a function that
   * returns the address of a thread-local int (`__errno_location`, `__error`),
   * `"call"` for one that returns the code itself (`WSAGetLastError`).
   */
  readonly lastError: { readonly symbol: keyof T & string; readonly via: "location" | "call" };
}

/** An opened library: its functions and the error code of the last failing call. */
export interface NativeLibrary<T extends SymbolTable> {
  /** The bound functions. Integers come back as numbers, pointers as bigint. */
  readonly fn: NativeFunctions<T>;
  /**
   * The error code read immediately after the last call of a function marked
   * `errno`, before any JS allocation could run and clobber it.
   */
  lastError(): number;
  /**
   * Makes a C function pointer (e.g. one `WSAIoctl` handed out) callable with
   * the signature `symbol`, reporting its error code through
   * {@link lastError} like the library's own functions.
   */
  bind<S extends FfiSymbol>(address: bigint, symbol: S): NativeFunction<S>;
}

/** A query of Deno's permission state; Bun has none and grants everything. */
export type PermissionQuery =
  | { readonly name: "net"; readonly host: string }
  | { readonly name: "read" | "write"; readonly path: string };

/** The runtime-specific services the rest of the module builds on. */
export interface Runtime {
  /** Which runtime this is. */
  readonly name: "deno" | "bun";
  /** The operating system, in the module's vocabulary. */
  readonly os: "linux" | "darwin" | "freebsd" | "windows";
  /** The CPU architecture. */
  readonly arch: "x86_64" | "aarch64";
  /** Opens a shared library and binds the functions of a symbol table. */
  open<T extends SymbolTable>(spec: LibrarySpec<T>): NativeLibrary<T>;
  /**
   * The address of a typed array's first byte, for writing into C structs;
   * `0n` (NULL) for an empty one. The address stays valid (the bytes never
   * move) for as long as the caller keeps `view` alive, which it must for as
   * long as C may use the address.
   */
  addressOf(view: ArrayBufferView): bigint;
  /** Copies `length` bytes of C memory starting at `address` into a new array. */
  copyOut(address: bigint, length: number): Uint8Array;
  /** Reads a pointer-sized value stored at `address + offset`. */
  readPointer(address: bigint, offset: number): bigint;
  /** Reads a 32-bit signed int stored at `address + offset`. */
  readI32(address: bigint, offset: number): number;
  /** Whether the runtime has a permission system worth asking (Deno). */
  readonly hasPermissions: boolean;
  /** Asks the runtime's permission system; never prompts. */
  permission(query: PermissionQuery): "granted" | "denied" | "prompt";
  /**
   * Whether symbols marked `nonblocking` can be bound: they then run on a
   * runtime thread pool and return Promises (Deno). Where this is false
   * (Bun), {@link Runtime.open} rejects such symbols.
   */
  readonly nonblocking: boolean;
}
