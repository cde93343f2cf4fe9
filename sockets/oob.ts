/**
 * Out-of-band data: `socket_atmark()`.
 *
 * @module
 */

import { sys } from "../platform/mod.ts";
import { openSocketArg } from "./args.ts";
import { failed } from "./report.ts";
import type { Socket } from "./socket.ts";

/**
 * Tells whether the socket's read position is at the out-of-band mark
 * (C `sockatmark()`), PHP 8.3's `socket_atmark()`.
 *
 * On Windows, PHP does not define this function.
 *
 * @param socket A connected stream socket.
 * @returns `true` at the mark, `false` before it, or `false` with a warning
 *   `Unable to apply sockmark [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, Socket, socket_atmark, socket_create_pair } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * console.log(socket_atmark(pair[0])); // false
 * ```
 */
export function socket_atmark(socket: Socket): boolean {
  const fn = "socket_atmark";
  const state = openSocketArg(fn, socket, arguments.length);
  const r = sys().sockatmark(state.fd);
  if (failed(r, state, fn, "Unable to apply sockmark")) return false;
  return r === 1;
}
