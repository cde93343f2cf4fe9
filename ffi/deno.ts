/**
 * The Deno adapter: the only file that touches `Deno.dlopen` and Deno's
 * pointer API.
 *
 * Deno returns 64-bit integers as bigint and takes them fastest as bigint
 * (a number argument sends V8 down a slow path), so wide parameters are
 * converted to bigint and wide results back to number.
 *
 * @module
 */

import { signedToNumber, toBigInt, unsignedToNumber } from "./_wide.ts";
import { wrapCall } from "./_wrap.ts";
import type { Conversion } from "./_wrap.ts";
import { denoPermission } from "./deno_permissions.ts";
import type { LibrarySpec, NativeFunction, NativeLibrary, Runtime } from "./native.ts";
import { WIDE_TYPES } from "./types.ts";
import type { FfiSymbol, FfiType, SymbolTable } from "./types.ts";

const toPointer = (v: bigint): Deno.PointerValue => Deno.UnsafePointer.create(v);
const fromPointer = (p: Deno.PointerValue): bigint => p === null ? 0n : Deno.UnsafePointer.value(p);

function argConversion(t: FfiType): Conversion | null {
  if (WIDE_TYPES.has(t)) return toBigInt as Conversion;
  if (t === "pointer") return toPointer as Conversion;
  return null;
}

function resultConversion(t: FfiType): Conversion | null {
  if (t === "i64" || t === "isize") return signedToNumber as Conversion;
  if (t === "u64" || t === "usize") return unsignedToNumber as Conversion;
  if (t === "pointer") return fromPointer as Conversion;
  return null;
}

function open<T extends SymbolTable>(spec: LibrarySpec<T>): NativeLibrary<T> {
  const defs: Record<string, Deno.ForeignFunction> = {};
  for (const [name, s] of Object.entries(spec.symbols)) {
    defs[name] = {
      parameters: s.parameters as Deno.NativeType[],
      result: s.result as Deno.NativeResultType,
      nonblocking: s.nonblocking === true,
    };
  }
  let lib: Deno.DynamicLibrary<Record<string, Deno.ForeignFunction>> | undefined;
  const failures: string[] = [];
  for (const path of spec.paths) {
    try {
      lib = Deno.dlopen(path, defs);
      break;
    } catch (cause) {
      failures.push(`${path}: ${(cause as Error).message}`);
    }
  }
  if (!lib) throw new Error(`Cannot open the C library (${failures.join("; ")})`);

  const symbols = lib.symbols as Record<string, (...a: unknown[]) => unknown>;
  const errSym = symbols[spec.lastError.symbol];
  let readError: () => number;
  if (spec.lastError.via === "location") {
    // A typed array over the thread's errno itself: reading it is a plain
    // memory load, where UnsafePointerView.getInt32() is a ~100 ns op call.
    // The location is this thread's and stays valid while the thread runs
    // (a Worker loads its own copy of the module, with its own location).
    const location = errSym() as Deno.PointerObject;
    const errno = new Int32Array(Deno.UnsafePointerView.getArrayBuffer(location, 4));
    readError = () => errno[0];
  } else {
    readError = errSym as () => number;
  }

  const cell = new Int32Array(1);
  const wrap = (call: (...a: unknown[]) => unknown, s: FfiSymbol) =>
    wrapCall(
      call,
      s.parameters.map(argConversion),
      resultConversion(s.result),
      s.errno ? readError : null,
      cell,
    );
  const fn: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec.symbols)) {
    fn[name] = s.nonblocking
      ? wrapNonBlocking(symbols[name], s.parameters.map(argConversion), s.result)
      : wrap(symbols[name], s);
  }
  return {
    fn: fn as NativeLibrary<T>["fn"],
    lastError: () => cell[0],
    bind<S extends FfiSymbol>(address: bigint, s: S): NativeFunction<S> {
      const p = Deno.UnsafePointer.create(address);
      if (p === null) throw new TypeError("Cannot call a NULL function pointer");
      const def = {
        parameters: s.parameters as Deno.NativeType[],
        result: s.result as Deno.NativeResultType,
      };
      const f = new Deno.UnsafeFnPointer(p as Deno.PointerObject<typeof def>, def);
      return wrap((...a) => f.call(...(a as never[])), s) as NativeFunction<S>;
    },
  };
}

/**
 * A `nonblocking` symbol: Deno runs it on its blocking thread pool and
 * returns a Promise. The arguments (typed arrays included) are converted as
 * for a direct call; the caller keeps buffers alive until the promise
 * settles. No error code is read: errno belongs to the pool thread.
 */
function wrapNonBlocking(
  call: (...a: unknown[]) => unknown,
  args: readonly (Conversion | null)[],
  result: FfiType,
): (...a: unknown[]) => Promise<unknown> {
  const convert = resultConversion(result) as ((v: unknown) => unknown) | null;
  return (...a: unknown[]) => {
    const converted = a.map((v, i) => (args[i] as ((x: unknown) => unknown) | null)?.(v) ?? v);
    const pending = call(...converted) as Promise<unknown>;
    return convert ? pending.then(convert) : pending;
  };
}

function view(address: bigint): Deno.UnsafePointerView {
  const p = Deno.UnsafePointer.create(address);
  if (p === null) throw new TypeError("NULL pointer dereference");
  return new Deno.UnsafePointerView(p);
}

function detectArch(): Runtime["arch"] {
  const arch = Deno.build.arch;
  if (arch === "x86_64" || arch === "aarch64") return arch;
  throw new Error(`Unsupported CPU architecture: ${arch}`);
}

function detectOs(): Runtime["os"] {
  const os = Deno.build.os;
  if (os === "linux" || os === "darwin" || os === "freebsd" || os === "windows") return os;
  throw new Error(`Unsupported operating system: ${os}`);
}

/** The Deno implementation of {@link Runtime}. */
export const denoRuntime: Runtime = {
  name: "deno",
  os: detectOs(),
  arch: detectArch(),
  open,
  hasPermissions: true,
  nonblocking: true,
  addressOf(v: ArrayBufferView): bigint {
    return fromPointer(Deno.UnsafePointer.of(v as Uint8Array<ArrayBuffer>));
  },
  copyOut(address: bigint, length: number): Uint8Array {
    if (length === 0) return new Uint8Array(0);
    return new Uint8Array(view(address).getArrayBuffer(length).slice(0));
  },
  readPointer(address: bigint, offset: number): bigint {
    return fromPointer(view(address).getPointer(offset));
  },
  readI32(address: bigint, offset: number): number {
    return view(address).getInt32(offset);
  },
  permission: denoPermission,
};
