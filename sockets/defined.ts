/**
 * Constants a platform may lack. PHP simply does not define them there; an
 * ES module must export every name, so a missing one gets a placeholder
 * value far outside any C `int`, which argument parsing rejects with an
 * error naming the constant. Nothing ever reaches a system call with it.
 *
 * @module
 */

import { platform } from "../platform/mod.ts";

/** Placeholders are at or below this; real constants all fit in 32 bits. */
const PLACEHOLDER_BASE = -(2 ** 40);
const missing: string[] = [];

/** The platform's value of a PHP constant, or a placeholder if it has none. */
export function constant(name: string): number {
  const value = platform.php[name];
  if (value !== undefined) return value;
  missing.push(name);
  return PLACEHOLDER_BASE - (missing.length - 1);
}

/** The name of the constant a placeholder stands for, or `null` for a real value. */
export function placeholderName(value: number): string | null {
  if (value > PLACEHOLDER_BASE) return null;
  return missing[PLACEHOLDER_BASE - value] ?? null;
}

/**
 * Whether the running platform defines a PHP sockets constant, like PHP's
 * `defined()`.
 *
 * @param name A constant name, e.g. `"SO_REUSEPORT"`.
 * @returns `true` if the platform has it.
 * @example
 * ```ts
 * import { defined } from "./mod.ts";
 * if (defined("SO_PEERCRED")) console.log("Linux-style peer credentials");
 * ```
 */
export function defined(name: string): boolean {
  return platform.php[name] !== undefined || name === "PHP_NORMAL_READ"
    || name === "PHP_BINARY_READ";
}
