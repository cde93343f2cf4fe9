/**
 * PHP's loose conversions of a value that a function takes as `mixed`
 * (`zval_get_long`, `zend_is_true`, `zval_get_string`, `(array)`), applied
 * to JS values: a plain object or array is a PHP array, any other object is
 * a PHP object.
 *
 * @module
 */

import { phpType } from "./args.ts";
import { bytesToString } from "./bytes.ts";
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

const LONG_MIN = -(2 ** 63);
const TWO_POW_64 = 2 ** 64;

/** PHP's `zend_dval_to_lval`: truncation, 0 for NaN and infinities, modular beyond 64 bits. */
export function floatToInt(d: number): number {
  if (!Number.isFinite(d)) return 0;
  if (d >= LONG_MIN && d < -LONG_MIN) return Math.trunc(d);
  let m = d % TWO_POW_64;
  if (m < 0) m += TWO_POW_64;
  if (m >= -LONG_MIN) m -= TWO_POW_64;
  return Math.trunc(m);
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

/** The Error PHP throws when an object without `__toString()` is used as a string. */
export function objectToStringError(value: object): Error {
  return new Error(`Object of class ${phpType(value)} could not be converted to string`);
}

/** A PHP float as `(string)` prints it (precision 14, `1.0E+25` style exponents). */
export function floatToString(d: number): string {
  if (Number.isNaN(d)) return "NAN";
  if (!Number.isFinite(d)) return d > 0 ? "INF" : "-INF";
  if (d === 0) return Object.is(d, -0) ? "-0" : "0";
  const [mantissa, exp] = Math.abs(d).toExponential(13).split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "");
  const decpt = Number(exp) + 1;
  const sign = d < 0 ? "-" : "";
  if (decpt < 0 ? decpt < -3 : decpt > 14) {
    const e = decpt - 1;
    return `${sign}${digits[0]}.${digits.slice(1) || "0"}E${e < 0 ? "-" : "+"}${Math.abs(e)}`;
  }
  if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
  if (digits.length <= decpt) return sign + digits + "0".repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/**
 * `zval_get_string`: `true` is `"1"`, `false` and null `""`, floats as PHP
 * prints them, bytes of an `ArrayBufferView` as a byte string, arrays
 * `"Array"` (with PHP's warning).
 *
 * @throws {Error} For other objects, as PHP does for objects without `__toString()`.
 */
export function toPhpString(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      return Number.isInteger(value) && Math.abs(value) < -LONG_MIN && !Object.is(value, -0)
        ? String(value)
        : floatToString(value);
    case "bigint":
      return String(BigInt.asIntN(64, value));
    case "boolean":
      return value ? "1" : "";
    case "undefined":
      return "";
  }
  if (value === null) return "";
  if (ArrayBuffer.isView(value)) return bytesToString(value);
  if (isPhpArray(value)) {
    warnPlain("Array to string conversion");
    return "Array";
  }
  throw objectToStringError(value as object);
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
