/**
 * Builds the JS function for one C symbol from a raw FFI function plus
 * per-parameter and result conversions, reading the error code immediately
 * after the call. Shared by both adapters.
 *
 * @module
 */

/** A value conversion applied on the way into or out of C. */
export type Conversion = (value: never) => unknown;

// deno-lint-ignore no-explicit-any
type AnyFunction = (...args: any[]) => any;

/** The names the generated functions see, in the order `build` passes them. */
const SCOPE = ["call", "e", "r", "cell", "c"] as const;

/**
 * Wraps `call` so that arguments and result are converted and, when
 * `readError` is given, the error code is stored in `cell[0]` right after the
 * call returns, before the result conversion can allocate.
 *
 * Each symbol gets a function of its own, compiled from a one-line template
 * (`const v = call(a0, c[1](a1)); cell[0] = e(); return r(v);`, with only
 * the conversions the symbol needs). One closure literal per arity, shared
 * by every symbol, would share V8's and JSC's type feedback too: the call
 * inside it would see `recv`, `socketpair`, `send`... and the JIT would
 * compile a polymorphic call there, or deoptimize it for a "wrong call
 * target" as soon as another symbol of the same arity is used (measured:
 * 171,000 against 198,000 socketpair round trips per second through the PHP
 * API under Deno, 200,000 against 204,000 under Bun). The template
 * interpolates only parameter indexes, never a value.
 */
export function wrapCall(
  call: AnyFunction,
  args: readonly (Conversion | null)[],
  result: Conversion | null,
  readError: (() => number) | null,
  cell: Int32Array,
): AnyFunction {
  const params = args.map((_, i) => `a${i}`);
  const passed = args.map((c, i) => c ? `c[${i}](a${i})` : `a${i}`);
  // A function that does not report through errno leaves the cell as it was.
  const body = `return function (${params.join(", ")}) {
  const v = call(${passed.join(", ")});
  ${readError ? "cell[0] = e();" : ""}
  return ${result ? "r(v)" : "v"};
};`;
  let build: (...scope: unknown[]) => AnyFunction;
  try {
    build = new Function(...SCOPE, body) as typeof build;
  } catch {
    // Code generation from strings disallowed (V8's
    // --disallow-code-generation-from-strings): the same, generically.
    return (...a: unknown[]) => {
      const v = call(...a.map((x, i) => args[i] ? (args[i] as AnyFunction)(x) : x));
      if (readError) cell[0] = readError();
      return result ? (result as AnyFunction)(v) : v;
    };
  }
  return build(call, readError, result, cell, args);
}
