/**
 * Picks the FFI adapter for the running runtime, once.
 *
 * This is the one place that asks which runtime we are on. The adapter
 * module is loaded with a top-level dynamic import so that Deno never parses
 * `bun:ffi` and Bun never touches `Deno`.
 *
 * @module
 */

import type { Runtime } from "./native.ts";

export type { LibrarySpec, NativeLibrary, PermissionQuery, Runtime } from "./native.ts";

/** True when running under Bun. */
const isBun = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined";

/** The adapter for the running runtime. Opening libraries stays lazy. */
export const runtime: Runtime = isBun
  ? (await import("./bun.ts")).bunRuntime
  : (await import("./deno.ts")).denoRuntime;
