/**
 * PHP's loose conversions of a value that a function takes as `mixed`
 * (`zval_get_long`, `zend_is_true`, `zval_get_string`, `(array)`), applied
 * to JS values: a plain object or array is a PHP array, any other object is
 * a PHP object.
 *
 * @module
 */

import { phpType } from "./args.ts";
import { warnPlain } from "./errors.ts";

/** A PHP array seen from JS: a list or a plain object with string keys. */
export type PhpArray = Readonly<Record<string, unknown>> | readonly unknown[];

/** Whether a value is a PHP array: a JS array or a plain object. */
export function isPhpArray(value: unknown): value is PhpArray {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isEmptyArray(value: PhpArray): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/**
 * The leading number of a string as PHP reads it (`"12abc"` is 12, `" 1e3"`
 * is 1000, `"abc"` is 0), as a float.
 */
function leadingNumber(text: string): number {
  const m = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text);
  return m ? Number(m[0].trim()) : 0;
}

/** PHP's float-to-int cast: truncation, modular beyond 64 bits, 0 for NaN and infinities. */
function floatToInt(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const truncated = Math.trunc(value);
  if (Number.isSafeInteger(truncated)) return truncated;
  return Number(BigInt.asIntN(64, BigInt(truncated)));
}

/**
 * `zval_get_long`: `true` is 1, `null` 0, strings by their leading number,
 * floats truncated, arrays 0 or 1 (empty or not), objects 1 with PHP's
 * warning `Object of class X could not be converted to int`.
 */
export function toPhpInt(value: unknown): number {
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? value : floatToInt(value);
    case "bigint":
      return Number(BigInt.asIntN(64, value));
    case "boolean":
      return value ? 1 : 0;
    case "string": {
      const n = leadingNumber(value);
      return Number.isInteger(n) ? n : floatToInt(n);
    }
    case "undefined":
      return 0;
    case "object":
      if (value === null) return 0;
      if (isPhpArray(value)) return isEmptyArray(value) ? 0 : 1;
      warnPlain(`Object of class ${phpType(value)} could not be converted to int`);
      return 1;
    default:
      return 1;
  }
}

/** `zend_is_true`: PHP's truthiness (`"0"` and `""` are false, empty arrays false). */
export function toPhpBool(value: unknown): boolean {
  if (typeof value === "string") return value !== "" && value !== "0";
  if (isPhpArray(value)) return !isEmptyArray(value);
  if (typeof value === "object") return value !== null;
  return Boolean(value);
}

/** `zval_get_string` for scalars: `true` is "1", `false` and `null` are "". */
export function toPhpString(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "boolean":
      return value ? "1" : "";
    case "undefined":
      return "";
    case "number":
      return Number.isInteger(value) ? String(value) : phpFloatString(value);
    case "bigint":
      return String(value);
    default:
      if (value === null) return "";
      if (isPhpArray(value)) {
        warnPlain("Array to string conversion");
        return "Array";
      }
      return String(value);
  }
}

/** PHP's `(string)` of a float (precision 17, shortest form): `1.5`, `1.0E+25`, `INF`. */
function phpFloatString(value: number): string {
  if (Number.isNaN(value)) return "NAN";
  if (!Number.isFinite(value)) return value > 0 ? "INF" : "-INF";
  const text = String(value);
  const exp = text.indexOf("e");
  if (exp < 0) return text;
  const mantissa = text.slice(0, exp);
  const power = text.slice(exp + 1);
  return `${mantissa.includes(".") ? mantissa : mantissa + ".0"}E${
    power.startsWith("-") ? power : "+" + power.replace("+", "")
  }`;
}

/**
 * PHP's `(array)` cast as the option functions apply it: an array stays as
 * it is, `null` becomes `[]`, a scalar `[scalar]`, an object its properties.
 */
export function toPhpArray(value: unknown): Readonly<Record<string, unknown>> {
  if (value === null || value === undefined) return {};
  if (typeof value === "object") return value as Record<string, unknown>;
  return { 0: value };
}

/** The entry of a PHP array under a string key, `undefined` if absent. */
export function entryOf(array: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(array, key) ? array[key] : undefined;
}
