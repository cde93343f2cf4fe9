/**
 * The Bun adapter: the only file that touches `bun:ffi`.
 *
 * Bun takes typed arrays directly for `ptr` parameters and numbers for 64-bit
 * ones; `i64_fast`/`u64_fast` results come back as numbers when they fit.
 *
 * @module
 */

import { CFunction, dlopen, FFIType, ptr, read, toArrayBuffer } from "bun:ffi";
import { wrapCall } from "./_wrap.ts";
import type { Conversion } from "./_wrap.ts";
import type { LibrarySpec, NativeFunction, NativeLibrary, Runtime } from "./native.ts";
import type { FfiSymbol, FfiType, SymbolTable } from "./types.ts";

const ARG_TYPES: Record<FfiType, FFIType> = {
  i8: FFIType.i8,
  u8: FFIType.u8,
  i16: FFIType.i16,
  u16: FFIType.u16,
  i32: FFIType.i32,
  u32: FFIType.u32,
  i64: FFIType.i64,
  u64: FFIType.u64,
  isize: FFIType.i64,
  usize: FFIType.u64,
  f64: FFIType.f64,
  buffer: FFIType.ptr,
  pointer: FFIType.ptr,
  void: FFIType.void,
};

const RESULT_TYPES: Record<FfiType, FFIType> = {
  ...ARG_TYPES,
  i64: FFIType.i64_fast,
  u64: FFIType.u64_fast,
  isize: FFIType.i64_fast,
  usize: FFIType.u64_fast,
};

const toNumber = (v: number | bigint): number => typeof v === "number" ? v : Number(v);
const pointerArg = (v: bigint): number | null => v === 0n ? null : Number(v);
const pointerResult = (p: number | null): bigint => p === null ? 0n : BigInt(p);

function resultConversion(t: FfiType): Conversion | null {
  if (t === "pointer") return pointerResult as Conversion;
  if (t === "i64" || t === "u64" || t === "isize" || t === "usize") return toNumber as Conversion;
  return null;
}

function open<T extends SymbolTable>(spec: LibrarySpec<T>): NativeLibrary<T> {
  const defs: Record<string, { args: FFIType[]; returns: FFIType }> = {};
  for (const [name, s] of Object.entries(spec.symbols)) {
    if (s.nonblocking) {
      throw new Error(`Bun's FFI cannot run ${name}() off the JS thread (no nonblocking calls)`);
    }
    defs[name] = { args: s.parameters.map((t) => ARG_TYPES[t]), returns: RESULT_TYPES[s.result] };
  }
  let lib: ReturnType<typeof dlopen> | undefined;
  const failures: string[] = [];
  for (const path of spec.paths) {
    try {
      lib = dlopen(path, defs);
      break;
    } catch (cause) {
      failures.push(`${path}: ${(cause as Error).message}`);
    }
  }
  if (!lib) throw new Error(`Cannot open the C library (${failures.join("; ")})`);

  const symbols = lib.symbols as unknown as Record<string, (...a: unknown[]) => unknown>;
  const errSym = symbols[spec.lastError.symbol];
  let readError: () => number;
  if (spec.lastError.via === "location") {
    // A typed array over the thread's errno itself (a plain memory load). The
    // location is this thread's and stays valid while the thread runs.
    const location = errSym() as number;
    const errno = new Int32Array(toArrayBuffer(location as never, 0, 4));
    readError = () => errno[0];
  } else {
    readError = errSym as () => number;
  }

  const cell = new Int32Array(1);
  const wrap = (call: (...a: unknown[]) => unknown, s: FfiSymbol) =>
    wrapCall(
      call,
      s.parameters.map((t) => t === "pointer" ? pointerArg as Conversion : null),
      resultConversion(s.result),
      s.errno ? readError : null,
      cell,
    );
  const fn: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec.symbols)) fn[name] = wrap(symbols[name], s);
  return {
    fn: fn as NativeLibrary<T>["fn"],
    lastError: () => cell[0],
    bind<S extends FfiSymbol>(address: bigint, s: S): NativeFunction<S> {
      const f = CFunction({
        ptr: nonNull(address) as never,
        args: s.parameters.map((t) => ARG_TYPES[t]),
        returns: RESULT_TYPES[s.result],
      }) as unknown as (...a: unknown[]) => unknown;
      return wrap(f, s) as NativeFunction<S>;
    },
  };
}

function nonNull(address: bigint): number {
  if (address === 0n) throw new TypeError("NULL pointer dereference");
  return Number(address);
}

function detectOs(): Runtime["os"] {
  const p = process.platform;
  if (p === "linux" || p === "darwin" || p === "freebsd") return p;
  if (p === "win32") return "windows";
  throw new Error(`Unsupported operating system: ${p}`);
}

function detectArch(): Runtime["arch"] {
  const a = process.arch;
  if (a === "x64") return "x86_64";
  if (a === "arm64") return "aarch64";
  throw new Error(`Unsupported CPU architecture: ${a}`);
}

/** The Bun implementation of {@link Runtime}. */
export const bunRuntime: Runtime = {
  name: "bun",
  os: detectOs(),
  arch: detectArch(),
  open,
  hasPermissions: false,
  nonblocking: false,
  addressOf(v: ArrayBufferView): bigint {
    // Bun cannot point at empty memory; NULL, as Deno gives. Reading
    // `.buffer` first moves a small typed array out of the JS heap now:
    // otherwise the first view made of it later (a subarray, a DataView)
    // would move its bytes and leave this address dangling.
    if (v.byteLength === 0 || v.buffer.byteLength === 0) return 0n;
    return BigInt(ptr(v as Uint8Array));
  },
  copyOut(address: bigint, length: number): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    return new Uint8Array(toArrayBuffer(nonNull(address) as never, 0, length).slice(0));
  },
  readPointer(address: bigint, offset: number): bigint {
    return BigInt(read.ptr(nonNull(address) as never, offset));
  },
  readI32(address: bigint, offset: number): number {
    return read.i32(nonNull(address) as never, offset);
  },
  permission(): "granted" {
    return "granted";
  },
};
