/**
 * Stream socket addresses, PHP's way (main/streams/transports.c and
 * xp_socket.c): `transport://target`, `host:port`, `[v6]:port` and Unix
 * paths.
 *
 * @module
 */

import { notice } from "../sockets/errors.ts";
import { UNIX_PATH_MAX } from "../sockets/sockaddr.ts";

/** The transports this module registers, in PHP's order (`stream_get_transports()`). */
export const TRANSPORTS: readonly string[] = ["tcp", "udp", "unix", "udg"];

/** A transport name and the rest of the address. */
export interface SplitAddress {
  readonly transport: string;
  readonly target: string;
}

/** The text of a C string: PHP prints addresses with `%s`, which stops at a NUL byte. */
export function cText(text: string): string {
  const at = text.indexOf("\0");
  return at < 0 ? text : text.slice(0, at);
}

/**
 * Splits `transport://target`. The transport is a run of at least two
 * characters from `[A-Za-z0-9+.-]` before `://`; otherwise the whole string
 * is the target of `tcp`. Returns PHP's error text for an unknown transport
 * (names are case-sensitive).
 */
export function splitAddress(address: string): SplitAddress | { error: string } {
  let n = 0;
  while (n < address.length && /[A-Za-z0-9+.-]/.test(address[n])) n++;
  let transport = "tcp";
  let target = address;
  if (n > 1 && address.startsWith("://", n)) {
    transport = address.slice(0, n);
    target = address.slice(n + 3);
  }
  if (!TRANSPORTS.includes(transport)) {
    return {
      error: `Unable to find the socket transport "${
        cText(transport)
      }" - did you forget to enable it when you configured PHP?`,
    };
  }
  return { transport, target };
}

/** C's `atoi`: leading blanks, an optional sign, then digits; anything after is ignored. */
export function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(text);
  if (!m) return 0;
  const n = Number(m[1]);
  // An int's range; beyond it C's behaviour is undefined, glibc saturates.
  return Math.max(-2147483648, Math.min(2147483647, n));
}

/** A host and port parsed from `host:port` or `[v6]:port`. */
export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/**
 * PHP's `parse_ip_address_ex`: `[v6]:port` (the `]` must be followed by
 * `:`), else `host:port` split at the first colon (which must not be the
 * last character). The port is C's `atoi` of the rest, taken modulo 65536
 * by the caller as `htons()` does. Returns PHP's error text otherwise.
 */
export function parseHostPort(target: string): HostPort | { error: string } {
  const len = target.length;
  if (target.startsWith("[") && len > 1) {
    const close = target.slice(1, len - 1).indexOf("]");
    const at = close < 0 ? -1 : close + 1;
    if (at < 0 || target[at + 1] !== ":") {
      return { error: `Failed to parse IPv6 address "${cText(target)}"` };
    }
    return { host: target.slice(1, at), port: atoi(target.slice(at + 2)) };
  }
  const colon = len > 0 ? target.slice(0, len - 1).indexOf(":") : -1;
  if (colon < 0) return { error: `Failed to parse address "${cText(target)}"` };
  return { host: target.slice(0, colon), port: atoi(target.slice(colon + 1)) };
}

/**
 * A Unix socket path as PHP's `parse_unix_address` takes it: the bytes
 * after `://`, binary-safe; a path too long for `sun_path` is cut to fit
 * with PHP's notice.
 */
export function unixPath(fn: string, path: Uint8Array): Uint8Array {
  if (path.length < UNIX_PATH_MAX) return path;
  notice(
    fn,
    `socket path exceeded the maximum allowed length of ${UNIX_PATH_MAX} bytes and was truncated`,
  );
  return path.subarray(0, UNIX_PATH_MAX - 1);
}

/** PHP's `addslashes()`: backslashes before `'`, `"` and `\`, and NUL as `\0`. */
export function addslashes(text: string): string {
  return text.replace(/[\\'"\0]/g, (c) => c === "\0" ? "\\0" : `\\${c}`);
}
