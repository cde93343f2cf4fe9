/**
 * Argument checks with PHP 8's exception messages (strict types): wrong types
 * throw `TypeError`, a closed socket throws `Error`.
 *
 * @module
 */

import { platform } from "../platform/mod.ts";
import { asBytes, isByteString, latin1Into, stringToBytes } from "./bytes.ts";
import { placeholderName } from "./defined.ts";
import { ArgumentCountError, ValueError } from "./errors.ts";
import { Socket, stateOf } from "./socket.ts";
import type { SocketState } from "./socket.ts";

/** By-reference parameter: any object with a writable `value` property. */
export interface Ref<T> {
  /** The referenced value, read and written by the function. */
  value: T;
}

/**
 * A class whose instances PHP would not name by their class sets this
 * property to PHP's type name: streams and stream contexts are `resource`s.
 */
export const PHP_TYPE: unique symbol = Symbol.for("php-sockets.phpType");

/** PHP's name for the type of a JS value, as used in "X given". */
export function phpType(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "boolean":
      return "bool";
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "bigint":
      return "int";
    case "string":
      return "string";
    case "function":
      return "Closure";
    case "object": {
      if (Array.isArray(value)) return "array";
      const proto = Object.getPrototypeOf(value);
      if (proto === Object.prototype || proto === null) return "array";
      const tagged = (value as { [PHP_TYPE]?: unknown })[PHP_TYPE];
      if (typeof tagged === "string") return tagged;
      return (value as object).constructor?.name ?? "object";
    }
    default:
      return typeof value;
  }
}

function typeError(fn: string, pos: number, name: string, type: string, value: unknown): TypeError {
  return new TypeError(
    `${fn}(): Argument #${pos} ($${name}) must be of type ${type}, ${phpType(value)} given`,
  );
}

/**
 * Checks an argument is a Socket and returns its state. Whether it is still
 * open is checked by {@link checkOpen} once all arguments are parsed, in
 * PHP's order.
 */
export function socketArg(
  fn: string,
  pos: number,
  name: string,
  value: unknown,
  type = "Socket",
): SocketState {
  if (!(value instanceof Socket)) throw typeError(fn, pos, name, type, value);
  return stateOf(value);
}

/** Throws PHP's `Error` if the socket (argument #1) was closed. */
export function checkOpen(fn: string, state: SocketState): void {
  if (state.fd < 0) throw new Error(`${fn}(): Argument #1 ($socket) has already been closed`);
}

/** {@link socketArg} and {@link checkOpen} for functions whose only argument is the socket. */
export function openSocketArg(fn: string, value: unknown, given: number): SocketState {
  checkArgCount(fn, given, 1, 1);
  const state = socketArg(fn, 1, "socket", value);
  checkOpen(fn, state);
  return state;
}

/** Checks an argument is a PHP int and returns it as a number. */
export function intArg(fn: string, pos: number, name: string, value: unknown): number {
  if (typeof value === "number" && Number.isInteger(value)) {
    const missing = placeholderName(value);
    if (missing !== null) {
      throw new Error(
        `${fn}(): Argument #${pos} ($${name}) is ${missing}, which ${platform.os} does not define`,
      );
    }
    return value;
  }
  if (typeof value === "bigint") return Number(value);
  throw typeError(fn, pos, name, "int", value);
}

/** Like {@link intArg} for a `?int` parameter: `null`/`undefined` give `null`. */
export function optionalIntArg(
  fn: string,
  pos: number,
  name: string,
  value: unknown,
): number | null {
  if (value === null || value === undefined) return null;
  if ((typeof value === "number" && Number.isInteger(value)) || typeof value === "bigint") {
    return intArg(fn, pos, name, value);
  }
  throw typeError(fn, pos, name, "?int", value); // a float too: PHP names the nullable type
}

/**
 * PHP's argument count check: `fn() expects exactly|at least|at most N
 * argument(s), M given`. Pass the function's `arguments.length`, which tells
 * a missing argument from an explicit `null` as PHP does.
 */
export function checkArgCount(fn: string, given: number, min: number, max: number): void {
  if (given >= min && given <= max) return;
  const bound = min === max ? "exactly" : given < min ? "at least" : "at most";
  const n = given < min ? min : max;
  throw new ArgumentCountError(
    `${fn}() expects ${bound} ${n} argument${n === 1 ? "" : "s"}, ${given} given`,
  );
}

/** Checks a string argument (an address or path) and returns it. */
export function stringArg(fn: string, pos: number, name: string, value: unknown): string {
  if (typeof value === "string") return value;
  throw typeError(fn, pos, name, "string", value);
}

/** The bytes of a byte-string argument; a character above `\xFF` is a TypeError. */
export function byteStringArg(fn: string, pos: number, name: string, value: string): Uint8Array {
  try {
    return stringToBytes(value);
  } catch (cause) {
    throw new TypeError(
      `${fn}(): Argument #${pos} ($${name}) must be a byte string: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** Checks a data argument (byte string or ArrayBufferView) and returns its bytes. */
export function dataArg(fn: string, pos: number, name: string, value: unknown): Uint8Array {
  if (typeof value === "string") return byteStringArg(fn, pos, name, value);
  if (ArrayBuffer.isView(value)) return asBytes(value);
  throw typeError(fn, pos, name, "string", value);
}

/**
 * Throws what {@link dataArg} throws for a bad data argument, without
 * converting a good one: for functions that must check the argument in
 * PHP's order but convert it later with {@link callDataArg}.
 */
export function checkDataArg(fn: string, pos: number, name: string, value: unknown): void {
  if (typeof value === "string") {
    if (!isByteString(value)) byteStringArg(fn, pos, name, value);
  } else if (!ArrayBuffer.isView(value)) {
    throw typeError(fn, pos, name, "string", value);
  }
}

/** Data up to this size is passed to a system call from one shared buffer. */
const CALL_DATA_SIZE = 1 << 16;
/**
 * Typed arrays up to this size live on V8's JS heap, and FFI must move one
 * off the heap before C can see it: a copy into the shared buffer is cheaper.
 */
const ON_HEAP_SIZE = 64;
const callData = new Uint8Array(CALL_DATA_SIZE);
/** Views of the first 0..ON_HEAP_SIZE bytes of `callData`, made once. */
const callDataViews = Array.from({ length: ON_HEAP_SIZE + 1 }, (_, n) => callData.subarray(0, n));

function callDataView(n: number): Uint8Array {
  return n <= ON_HEAP_SIZE ? callDataViews[n] : callData.subarray(0, n);
}

/**
 * {@link dataArg} for bytes handed straight to one system call. A byte
 * string, or a typed array small enough to sit on the JS heap, is copied into
 * one buffer shared by all such calls, because under Deno every new typed
 * array that reaches FFI costs about 0.4 µs. The result is valid until the
 * next call of this function: pass it to the system call at once, before
 * anything that can run user code (a warning handler), and never keep it.
 */
export function callDataArg(fn: string, pos: number, name: string, value: unknown): Uint8Array {
  if (typeof value === "string") {
    if (value.length <= CALL_DATA_SIZE) {
      const n = latin1Into(value, callData);
      if (n >= 0) return callDataView(n);
    }
    return byteStringArg(fn, pos, name, value);
  }
  if (ArrayBuffer.isView(value)) {
    const bytes = asBytes(value);
    if (bytes.length > ON_HEAP_SIZE) return bytes;
    callData.set(bytes);
    return callDataView(bytes.length);
  }
  throw typeError(fn, pos, name, "string", value);
}

/** Checks a by-reference argument: an object with a `value` property to write. */
export function refArg<T>(fn: string, pos: number, name: string, value: unknown): Ref<T> {
  if (typeof value === "object" && value !== null) return value as Ref<T>;
  throw new TypeError(
    `${fn}(): Argument #${pos} ($${name}) must be passed by reference: give an object like { value: null }`,
  );
}

/** Like {@link refArg}, but `null`/`undefined` mean the argument was not passed. */
export function optionalRefArg<T>(
  fn: string,
  pos: number,
  name: string,
  value: unknown,
): Ref<T> | null {
  return value === null || value === undefined ? null : refArg<T>(fn, pos, name, value);
}

/** Checks a port is in 0..65535 (PHP 8.5's check; PHP 8.2-8.4 wrap it to 16 bits). */
export function portArg(fn: string, pos: number, value: number): number {
  if (value < 0 || value > 65535) {
    throw new ValueError(`${fn}(): Argument #${pos} ($port) must be between 0 and 65535`);
  }
  return value;
}

/** Checks a `$length` is not negative (socket_write, socket_send, socket_sendto). */
export function nonNegativeLength(fn: string, pos: number, length: number): number {
  if (length < 0) {
    throw new ValueError(`${fn}(): Argument #${pos} ($length) must be greater than or equal to 0`);
  }
  return length;
}

/**
 * The port of an AF_INET/AF_INET6 address: PHP's ValueError when it is
 * missing, and the 0..65535 check.
 */
export function inetPortArg(fn: string, pos: number, family: number, port: number | null): number {
  if (port === null) {
    const name = family === platform.php.AF_INET ? "AF_INET" : "AF_INET6";
    throw new ValueError(
      `${fn}(): Argument #${pos} ($port) cannot be null when the socket type is ${name}`,
    );
  }
  return portArg(fn, pos, port);
}

/** PHP's ValueError for a socket of a family the function does not handle. */
export function familyError(fn: string): ValueError {
  return new ValueError(
    `${fn}(): Argument #1 ($socket) must be one of AF_UNIX, AF_INET, or AF_INET6`,
  );
}

/** PHP's ArgumentCountError for internal functions that count arguments themselves. */
export function wrongParameterCount(fn: string): ArgumentCountError {
  return new ArgumentCountError(`Wrong parameter count for ${fn}()`);
}

/** Converts a PHP int to a C `int` the way a C cast does (two's complement wrap). */
export function toCInt(value: number): number {
  return value | 0;
}
