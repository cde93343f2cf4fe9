/**
 * The failure paths of PHP's sockets extension: store the error code on the
 * socket and globally, and warn with PHP's `msg [code]: text` format.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import { setGlobalError, warn } from "./errors.ts";
import type { SocketState } from "./socket.ts";

// PHP's own names: on Windows these are the WSA codes (10035, 10036).
const { SOCKET_EAGAIN, SOCKET_EWOULDBLOCK, SOCKET_EINPROGRESS } = platform.php;
/** Codes below this are host-lookup failures: -(10000 + h_errno). */
const HOST_LOOKUP_BASE = -10000;

/** True for the codes PHP stores without a warning (would block, in progress). */
export function isWouldBlock(code: number): boolean {
  return code === SOCKET_EAGAIN || code === SOCKET_EWOULDBLOCK || code === SOCKET_EINPROGRESS;
}

/** PHP's `msg [code]: strerror` text, with an optional explanation appended. */
function errorText(msg: string, code: number, detail = ""): string {
  // Host-lookup codes (below -10000) are h_errno values: hstrerror's text, as socket_strerror() gives.
  const text = code < HOST_LOOKUP_BASE
    ? sys().hstrerror(HOST_LOOKUP_BASE - code)
    : sys().strerror(code);
  return `${msg} [${code}]: ${text}${detail}`;
}

/**
 * PHP's `PHP_SOCKET_ERROR`: records `code` on the socket (if any) and
 * globally, and warns unless the call would merely have blocked.
 */
export function socketError(
  state: SocketState | null,
  fn: string,
  msg: string,
  code: number,
  detail = "",
): void {
  if (state) state.error = code;
  setGlobalError(code);
  if (!isWouldBlock(code)) warn(fn, errorText(msg, code, detail));
}

/**
 * Reports a failed system call as PHP does ({@link socketError} with its
 * errno) when `result` is negative; returns whether it failed.
 */
export function failed(
  result: number,
  state: SocketState | null,
  fn: string,
  msg: string,
): boolean {
  if (result >= 0) return false;
  socketError(state, fn, msg, sys().lastError());
  return true;
}

/** The paths that bypass `PHP_SOCKET_ERROR`: global code only, and always a warning. */
export function globalError(fn: string, msg: string, code: number): void {
  setGlobalError(code);
  warn(fn, errorText(msg, code));
}
