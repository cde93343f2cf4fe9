/**
 * Stream contexts, as far as socket streams use them: `stream_context_create()`
 * and the `socket` options the stream socket functions honour (`backlog`,
 * `bindto`, `ipv6_v6only`, `so_reuseport`, `so_broadcast`, `tcp_nodelay`).
 *
 * @module
 */

import { checkArgCount, PHP_TYPE, phpType } from "../sockets/args.ts";
import { ValueError } from "../sockets/errors.ts";
import type { SocketContextOptions } from "./stream.ts";

let pending: Readonly<Record<string, SocketContextOptions>> | null = null;

/** The options behind a StreamContext (internal); set by the class's static block. */
export let contextOptionsOf: (context: StreamContext) => Readonly<
  Record<string, SocketContextOptions>
>;

/**
 * A stream context, as returned by `stream_context_create()` (PHP's
 * context resource). Opaque.
 *
 * @example
 * ```ts
 * import { stream_context_create, StreamContext } from "./mod.ts";
 * const ctx = stream_context_create({ socket: { backlog: 64 } });
 * console.log(ctx instanceof StreamContext); // true
 * ```
 */
export class StreamContext {
  readonly #options: Readonly<Record<string, SocketContextOptions>>;

  /** PHP's type name for a context in error messages (`resource given`). */
  get [PHP_TYPE](): string {
    return "resource";
  }

  /**
   * Always throws: contexts come from `stream_context_create()`.
   *
   * @throws {Error} `Cannot directly construct StreamContext, use stream_context_create() instead`
   */
  constructor() {
    if (pending === null || new.target !== StreamContext) {
      throw new Error(
        "Cannot directly construct StreamContext, use stream_context_create() instead",
      );
    }
    this.#options = pending;
    pending = null;
  }

  static {
    contextOptionsOf = (context) => context.#options;
  }
}

/**
 * Creates a stream context holding options, grouped by wrapper:
 * `{ socket: { backlog: 64, bindto: "127.0.0.1:0" } }`.
 *
 * @param options Options by wrapper name; only `socket` options affect
 *   socket streams. `null` for none.
 * @param params Accepted for compatibility (PHP's notification parameters);
 *   ignored.
 * @returns The context, to pass to `stream_socket_server()` or
 *   `stream_socket_client()`.
 * @throws {ValueError} If an option group is not an object.
 * @throws {TypeError} If `options` is not an object or null.
 * @example
 * ```ts
 * import { stream_context_create, stream_socket_server } from "./mod.ts";
 * const ctx = stream_context_create({ socket: { so_reuseport: true, backlog: 128 } });
 * const server = stream_socket_server("tcp://127.0.0.1:0", null, null, undefined, ctx);
 * ```
 *
 * Differences from PHP: only the `socket` options of socket streams have
 * an effect (there are no other wrappers).
 */
export function stream_context_create(
  options: Readonly<Record<string, SocketContextOptions>> | null = null,
  params: Readonly<Record<string, unknown>> | null = null,
): StreamContext {
  const fn = "stream_context_create";
  checkArgCount(fn, arguments.length, 0, 2);
  if (options !== null && options !== undefined && typeof options !== "object") {
    throw new TypeError(
      `${fn}(): Argument #1 ($options) must be of type ?array, ${phpType(options)} given`,
    );
  }
  void params;
  const copy: Record<string, SocketContextOptions> = {};
  for (const [wrapper, group] of Object.entries(options ?? {})) {
    if (group === null || typeof group !== "object") {
      throw new ValueError(
        "Options should have the form [\"wrappername\"][\"optionname\"] = $value",
      );
    }
    copy[wrapper] = { ...group };
  }
  pending = copy;
  return new StreamContext();
}

/** Checks a `$context` argument and returns its `socket` options (or null). */
export function contextArg(
  fn: string,
  pos: number,
  value: unknown,
): SocketContextOptions | null {
  if (value === null || value === undefined) return null;
  if (!(value instanceof StreamContext)) {
    throw new TypeError(
      `${fn}(): Argument #${pos} ($context) must be of type resource or null, ${
        phpType(value)
      } given`,
    );
  }
  return contextOptionsOf(value).socket ?? null;
}

/** PHP's truthiness of an option value. */
export function truthy(value: unknown): boolean {
  return !(value === false || value === null || value === undefined || value === 0
    || value === "" || value === "0" || (Array.isArray(value) && value.length === 0));
}

/** PHP's `zval_get_long` of an option value. */
export function toLong(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") {
    const m = /^[ \t\n\r\v\f]*[+-]?[0-9]+/.exec(value);
    return m ? Number(m[0]) : 0;
  }
  return 0;
}
