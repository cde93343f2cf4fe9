/**
 * Out-of-band data: `socket_atmark()`.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { openSocketArg } from "./args.ts";
import { failed } from "./report.ts";
import type { Socket } from "./socket.ts";

/**
 * Tells whether the socket's read position is at the out-of-band mark
 * (C `sockatmark()`), PHP 8.3's `socket_atmark()`.
 *
 * On Windows, PHP does not define this function: it throws an `Error` there.
 *
 * @param socket A connected stream socket.
 * @returns `true` at the mark, `false` before it, or `false` with a warning
 *   `Unable to apply sockmark [code]: text`.
 * @throws {Error} If the socket is closed, or on Windows.
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
  const sockatmark = sys().sockatmark;
  if (!sockatmark) throw new Error(`${fn}() is not available on ${platform.os}`);
  const r = sockatmark(state.fd);
  if (failed(r, state, fn, "Unable to apply sockmark")) return false;
  return r === 1;
}
