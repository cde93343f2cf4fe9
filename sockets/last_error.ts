/**
 * `socket_last_error`, `socket_clear_error` and `socket_strerror`.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { checkArgCount, checkOpen, intArg, socketArg } from "./args.ts";
import { getGlobalError, setGlobalError, ValueError } from "./errors.ts";
import type { Socket } from "./socket.ts";

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const HOST_LOOKUP_BASE = -10000;

/**
 * The last error code of a socket, or the module's last error of any call.
 * Codes are set on failure only; success never resets them.
 *
 * @param socket A socket, or `null`/omitted for the global code.
 * @returns An error code (`SOCKET_E*`), 0 if none.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { socket_last_error, socket_strerror } from "./mod.ts";
 * console.log(socket_strerror(socket_last_error()));
 * ```
 */
export function socket_last_error(socket: Socket | null = null): number {
  const fn = "socket_last_error";
  checkArgCount(fn, arguments.length, 0, 1);
  if (socket === null || socket === undefined) return getGlobalError();
  const state = socketArg(fn, 1, "socket", socket, "?Socket");
  checkOpen(fn, state);
  return state.error;
}

/**
 * Resets a socket's last error, or the global one.
 *
 * @param socket A socket, or `null`/omitted for the global code.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { socket_clear_error } from "./mod.ts";
 * socket_clear_error();
 * ```
 */
export function socket_clear_error(socket: Socket | null = null): void {
  const fn = "socket_clear_error";
  checkArgCount(fn, arguments.length, 0, 1);
  if (socket === null || socket === undefined) {
    setGlobalError(0);
    return;
  }
  const state = socketArg(fn, 1, "socket", socket, "?Socket");
  checkOpen(fn, state);
  state.error = 0;
}

/**
 * The system's text for an error code: glibc's `strerror()`, or for
 * host-lookup codes below -10000 its `hstrerror()`. On Windows, the text of
 * `FormatMessage()` without the trailing period, or, where the system has
 * none (Wine lacks some), the Windows SDK's text for that code.
 *
 * @param error_code A code from `socket_last_error()`.
 * @returns The message, e.g. `Connection refused` for `SOCKET_ECONNREFUSED`.
 * @throws {ValueError} If the code is outside the C `int` range.
 * @example
 * ```ts
 * import { socket_strerror, SOCKET_ECONNREFUSED } from "./mod.ts";
 * socket_strerror(SOCKET_ECONNREFUSED); // "Connection refused"
 * ```
 */
export function socket_strerror(error_code: number): string {
  const fn = "socket_strerror";
  checkArgCount(fn, arguments.length, 1, 1);
  error_code = intArg(fn, 1, "error_code", error_code);
  if (error_code < INT_MIN || error_code > INT_MAX) {
    throw new ValueError(
      `${fn}(): Argument #1 ($error_code) must be between ${INT_MIN} and ${INT_MAX}`,
    );
  }
  const s = sys();
  if (error_code < HOST_LOOKUP_BASE && platform.hostErrors === "h_errno") {
    return s.hstrerror(-error_code + HOST_LOOKUP_BASE);
  }
  return s.strerror(error_code);
}
