/**
 * Shared printing helpers for the conformance twins. The PHP original is
 * `_dump.php`; both must render every value identically.
 *
 * @module
 */

import { mkdirSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { setWarningHandler } from "../../mod.ts";

setWarningHandler((message: string, level = "Warning") => console.log(`${level}: ${message}`));

function hex2(n: number): string {
  return n.toString(16).padStart(2, "0");
}

function renderKey(k: string): string {
  return /^(0|-?[1-9][0-9]*)$/.test(k) ? k : render(k);
}

/** Canonical rendering: false, true, null, ints, "strings" with \xHH escapes, [k => v], class names. */
export function render(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (v === true) return "true";
  if (v === false) return "false";
  if (typeof v === "number") {
    if (Number.isInteger(v)) return Object.is(v, -0) ? "0" : String(v);
    return `float(${v})`;
  }
  if (typeof v === "bigint") return `bigint(${v})`;
  if (typeof v === "string") {
    let out = "\"";
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) out += v[i];
      else if (c <= 0xff) out += "\\x" + hex2(c);
      else out += `\\u{${c.toString(16)}}`;
    }
    return out + "\"";
  }
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (let i = 0; i < v.length; i++) parts.push(`${i} => ${render(v[i])}`);
    const extra = Object.keys(v).filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
    for (const k of extra) {
      parts.push(`${render(k)} => ${render((v as unknown as Record<string, unknown>)[k])}`);
    }
    return "[" + parts.join(", ") + "]";
  }
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null) {
      const parts = Object.entries(v as Record<string, unknown>).map(([k, item]) =>
        `${renderKey(k)} => ${render(item)}`
      );
      return "[" + parts.join(", ") + "]";
    }
    return (v as object).constructor?.name ?? "object";
  }
  return typeof v;
}

/**
 * A by-reference argument that, like a PHP variable, may hold a value of any
 * type before the call (e.g. "untouched") and whatever the call stores in it.
 */
// deno-lint-ignore no-explicit-any
export type AnyRef = { value: any };

/** Makes an {@link AnyRef} holding `value` (PHP's `$var = value`). */
export function ref(value: unknown = null): AnyRef {
  return { value };
}

/** Prints `label: <rendering>`. */
export function show(label: string, value: unknown): void {
  console.log(`${label}: ${render(value)}`);
}

/** Prints `== title`. */
export function section(title: string): void {
  console.log(`== ${title}`);
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.constructor.name}: ${e.message}`;
  return `non-Error ${typeof e}: ${String(e)}`;
}

/** Runs `fn` and prints its result, or the class and message of what it threw. */
export function attempt<T>(label: string, fn: () => T): T | null {
  try {
    const r = fn();
    console.log(`${label}: ${render(r)}`);
    return r;
  } catch (e) {
    console.log(`${label}: threw ${describe(e)}`);
    return null;
  }
}

/** Like attempt() for functions without a useful result (PHP void): prints "ok". */
export function run(label: string, fn: () => unknown): void {
  try {
    fn();
    console.log(`${label}: ok`);
  } catch (e) {
    console.log(`${label}: threw ${describe(e)}`);
  }
}

/** Length and a position-weighted byte sum, computed identically by _dump.php. */
export function checksum(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    sum = (sum + s.charCodeAt(i) * ((i % 65521) + 1)) % 1000000007;
  }
  return `len=${s.length} sum=${sum}`;
}

/** A fresh, empty temporary directory for Unix socket paths. */
export function makeTempDir(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  const dir = `${tmpdir()}/tsconf_${Array.from(bytes, hex2).join("")}`;
  mkdirSync(dir, { mode: 0o700 });
  return dir;
}

/** Removes a directory made by makeTempDir() and the files in it. */
export function removeTempDir(dir: string): void {
  for (const f of readdirSync(dir)) unlinkSync(`${dir}/${f}`);
  rmdirSync(dir);
}

/** Replaces the temporary directory in a path with "DIR", so outputs compare equal. */
export function rel(path: unknown, dir: string): unknown {
  return typeof path === "string" ? path.split(dir).join("DIR") : path;
}

/** All 256 byte values in order. */
export function allBytes(): string {
  let s = "";
  for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
  return s;
}
