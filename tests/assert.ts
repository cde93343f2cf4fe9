// Node's assert overloads take `message: string` or an Error; `msg as string` passes undefined through unchanged.
/**
 * A small stand-in for `@std/assert` (JSR is unreachable here) with the same
 * names and signatures, built on `node:assert/strict`, which Deno and Bun both
 * ship. Switching to the real package is a one-line import change.
 *
 * @module
 */

import nodeAssert from "node:assert/strict";

/** Fails unless `expr` is truthy. */
export function assert(expr: unknown, msg?: string): asserts expr {
  nodeAssert.ok(expr, msg as string);
}

/** Fails unless `expr` is falsy. */
export function assertFalse(expr: unknown, msg?: string): void {
  nodeAssert.ok(!expr, msg ?? `expected a falsy value, got ${String(expr)}`);
}

/** Fails unless `actual` and `expected` are deeply equal. */
export function assertEquals<T>(actual: T, expected: T, msg?: string): void {
  nodeAssert.deepStrictEqual(actual, expected, msg as string);
}

/** Fails if `actual` and `expected` are deeply equal. */
export function assertNotEquals<T>(actual: T, expected: T, msg?: string): void {
  nodeAssert.notDeepStrictEqual(actual, expected, msg as string);
}

/** Fails unless `actual === expected` (Object.is). */
export function assertStrictEquals<T>(
  actual: unknown,
  expected: T,
  msg?: string,
): asserts actual is T {
  nodeAssert.strictEqual(actual, expected, msg as string);
}

/** Fails unless `actual` matches `expected`. */
export function assertMatch(actual: string, expected: RegExp, msg?: string): void {
  nodeAssert.match(actual, expected, msg as string);
}

/** Fails unless `actual` is an instance of `expectedType`. */
export function assertInstanceOf<T extends abstract new(...args: never[]) => unknown>(
  actual: unknown,
  expectedType: T,
  msg?: string,
): asserts actual is InstanceType<T> {
  nodeAssert.ok(
    actual instanceof expectedType,
    msg ?? `expected an instance of ${expectedType.name}, got ${String(actual)}`,
  );
}

/**
 * Fails unless `fn` throws an error of class `ErrorClass` (exactly, not a
 * subclass, when `ErrorClass` is a built-in) whose message includes
 * `msgIncludes`. Returns the error.
 */
export function assertThrows<E extends Error = Error>(
  fn: () => unknown,
  ErrorClass?: abstract new(...args: never[]) => E,
  msgIncludes?: string,
  msg?: string,
): E {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (thrown === undefined) nodeAssert.fail(msg ?? "expected the function to throw");
  if (ErrorClass) {
    nodeAssert.ok(
      thrown instanceof ErrorClass,
      msg
        ?? `expected ${ErrorClass.name}, got ${(thrown as Error)?.constructor?.name}: ${
          String(thrown)
        }`,
    );
  }
  if (msgIncludes !== undefined) {
    const message = (thrown as Error).message;
    nodeAssert.ok(
      message.includes(msgIncludes),
      msg
        ?? `expected the message to include ${JSON.stringify(msgIncludes)}, got ${
          JSON.stringify(message)
        }`,
    );
  }
  return thrown as E;
}
