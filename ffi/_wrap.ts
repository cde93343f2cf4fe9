/**
 * Builds the JS function for one C symbol from a raw FFI function plus
 * per-parameter and result conversions, reading the error code immediately
 * after the call. Shared by both adapters.
 *
 * @module
 */

/** A value conversion applied on the way into or out of C. */
export type Conversion = (value: never) => unknown;

const identity = (value: unknown): unknown => value;

// deno-lint-ignore no-explicit-any
type AnyFunction = (...args: any[]) => any;

/**
 * Wraps `call` so that arguments and result are converted and, when
 * `readError` is given, the error code is stored in `cell[0]` right after the
 * call returns, before the result conversion can allocate.
 *
 * Closures are specialised by arity (up to 6) so the hot path has no rest
 * arguments.
 */
export function wrapCall(
  call: AnyFunction,
  args: readonly (Conversion | null)[],
  result: Conversion | null,
  readError: (() => number) | null,
  cell: Int32Array,
): AnyFunction {
  const [c0, c1, c2, c3, c4, c5] = [0, 1, 2, 3, 4, 5].map((i) =>
    args[i] ?? identity
  ) as AnyFunction[];
  const r = (result ?? identity) as AnyFunction;
  // A function that does not report through errno leaves the cell as it was.
  const e = readError ?? (() => cell[0]);
  switch (args.length) {
    case 0:
      return () => {
        const v = call();
        cell[0] = e();
        return r(v);
      };
    case 1:
      return (a) => {
        const v = call(c0(a));
        cell[0] = e();
        return r(v);
      };
    case 2:
      return (a, b) => {
        const v = call(c0(a), c1(b));
        cell[0] = e();
        return r(v);
      };
    case 3:
      return (a, b, c) => {
        const v = call(c0(a), c1(b), c2(c));
        cell[0] = e();
        return r(v);
      };
    case 4:
      return (a, b, c, d) => {
        const v = call(c0(a), c1(b), c2(c), c3(d));
        cell[0] = e();
        return r(v);
      };
    case 5:
      return (a, b, c, d, f) => {
        const v = call(c0(a), c1(b), c2(c), c3(d), c4(f));
        cell[0] = e();
        return r(v);
      };
    case 6:
      return (a, b, c, d, f, g) => {
        const v = call(c0(a), c1(b), c2(c), c3(d), c4(f), c5(g));
        cell[0] = e();
        return r(v);
      };
    default: {
      // Longer signatures (WSAIoctl's 9 parameters, fcntl padded for Apple
      // arm64) are rare and off the hot paths: a generic closure.
      const conv = args.map((c) => (c ?? identity) as AnyFunction);
      return (...a: unknown[]) => {
        const v = call(...conv.map((c, i) => c(a[i])));
        cell[0] = e();
        return r(v);
      };
    }
  }
}
