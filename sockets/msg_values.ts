/**
 * PHP's value conversions as ext/sockets' message converters apply them
 * (conversions.c, stricter than `php_values.ts`'s loose casts): PHP arrays as JS arrays or plain objects, integers from
 * numbers, numeric strings and floats, strings from scalars, and the
 * conversion context that records the key path and the first error, which
 * becomes PHP's warning `error converting user data (path: msghdr > ...): ...`.
 *
 * JS values stand for PHP values like this: a string or `ArrayBufferView` is
 * a string, an integral number (or a bigint) an int, any other number a
 * float, `true`/`false` a bool, `null`/`undefined` null, an array or plain
 * object an array, and any other object an object of its class.
 *
 * @module
 */

import { bytesToString } from "./bytes.ts";
import { warn } from "./errors.ts";
import {
  floatToInt as doubleToLong,
  isPhpArray as isLooseArray,
  objectToStringError as objectError,
  toPhpString,
} from "./php_values.ts";

export { floatToString } from "./php_values.ts";

/**
 * A value converted to a PHP string (`zval_get_string`): `true` is `"1"`,
 * `false` and null `""`, arrays `"Array"` (with PHP's warning).
 *
 * @throws {Error} For objects, which have no string form here.
 */
export const phpString: (value: unknown) => string = toPhpString;

/** A PHP array: a JS array (a list) or a plain object. */
export type PhpArray = Record<string, unknown> | unknown[];

/** Whether a value stands for a PHP array (a JS array or a plain object). */
export function isPhpArray(value: unknown): value is PhpArray {
  return isLooseArray(value);
}

/** The element at `key`, or `undefined` if there is none (an `undefined` value counts as none). */
export function arrayGet(array: PhpArray, key: string): unknown {
  return Object.hasOwn(array, key) ? (array as Record<string, unknown>)[key] : undefined;
}

/** The elements of a PHP array, in order. */
export function arrayValues(array: PhpArray): unknown[] {
  return Object.values(array).filter((v) => v !== undefined);
}

/**
 * Where a conversion is (the chain of keys from the top, PHP's `keys` list)
 * and the first error it met. Only the first error is kept, as in PHP.
 */
export class Conversion {
  readonly #keys: string[];
  #error: string | null = null;

  /**
   * @param fn The PHP function, for the warning's prefix.
   * @param kind `user` (PHP to C) or `native` (C to PHP).
   * @param top The name of the top structure, e.g. `msghdr`.
   */
  constructor(readonly fn: string, readonly kind: "user" | "native", top: string) {
    this.#keys = [top];
  }

  /** Whether an error was recorded. */
  get failed(): boolean {
    return this.#error !== null;
  }

  /** The current path, e.g. `msghdr > iov > element #1`. */
  get path(): string {
    return this.#keys.join(" > ") || "unavailable";
  }

  /** Records `message` at the current path, unless an error was recorded already. */
  fail(message: string): void {
    if (this.#error !== null) return;
    this.#error = `error converting ${this.kind} data (path: ${this.path}): ${message}`;
  }

  /** Runs `body` with `key` appended to the path. */
  at<T>(key: string, body: () => T): T {
    this.#keys.push(key);
    try {
      return body();
    } finally {
      this.#keys.pop();
    }
  }

  /** Emits the recorded error as PHP's warning. */
  report(): void {
    if (this.#error !== null) warn(this.fn, this.#error);
  }
}

// PHP's numeric strings (is_numeric_string): whitespace, sign, digits with
// an optional fraction and exponent, whitespace.
const NUMERIC =
  /^[ \t\n\r\v\f]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r\v\f]*$/;
const INTEGER = /^[ \t\n\r\v\f]*[+-]?[0-9]+[ \t\n\r\v\f]*$/;

/**
 * A value converted to a PHP int as the converters do
 * (`from_zval_integer_common`); records PHP's error and returns `null` for
 * non-numeric strings and for values of other types.
 *
 * @throws {Error} For objects, as PHP's string conversion of them throws.
 */
export function phpLong(cx: Conversion, value: unknown): number | null {
  if (typeof value === "number") return doubleToLong(value);
  if (typeof value === "bigint") return Number(BigInt.asIntN(64, value));
  let text: string | null = null;
  if (typeof value === "string") text = value;
  else if (ArrayBuffer.isView(value)) text = bytesToString(value);
  else if (typeof value === "object" && value !== null && !isPhpArray(value)) {
    throw objectError(value);
  }
  if (text === null) {
    cx.fail("expected an integer, either of a PHP integer type or of a convertible type");
    return null;
  }
  if (NUMERIC.test(text)) {
    const n = Number(text.trim());
    return INTEGER.test(text) && Number.isSafeInteger(n) ? n : doubleToLong(n);
  }
  cx.fail(
    `expected an integer, but got a non numeric string (possibly from a converted object): '${text}'`,
  );
  return null;
}

/**
 * {@link phpLong} with a range check; out of range records
 * `given PHP integer is out of bounds for <what>`.
 */
export function phpRanged(
  cx: Conversion,
  value: unknown,
  min: number,
  max: number,
  what: string,
): number | null {
  const n = phpLong(cx, value);
  if (n === null) return null;
  if (n < min || n > max) {
    cx.fail(`given PHP integer is out of bounds for ${what}`);
    return null;
  }
  return n;
}

/** The C `int` range check of the converters. */
export function phpInt(cx: Conversion, value: unknown): number | null {
  return phpRanged(cx, value, -(2 ** 31), 2 ** 31 - 1, "a native int");
}

/** The `uint32_t` range check of the converters. */
export function phpUint32(cx: Conversion, value: unknown): number | null {
  return phpRanged(cx, value, 0, 2 ** 32 - 1, "an unsigned 32-bit integer");
}
