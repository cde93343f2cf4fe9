/**
 * `socket_get_option()`, `socket_set_option()` and their aliases
 * `socket_getopt()`, `socket_setopt()`.
 *
 * The conversions live in `options_get.ts`, `options_set.ts` and
 * `multicast.ts`; this file parses the arguments as PHP does.
 *
 * @module
 */

import { checkArgCount, checkOpen, intArg, socketArg } from "./args.ts";
import { getOption, type OptionValue } from "./options_get.ts";
import { setOption } from "./options_set.ts";
import type { Socket } from "./socket.ts";

export type { OptionValue } from "./options_get.ts";

function get(
  fn: string,
  given: number,
  socket: unknown,
  level: unknown,
  option: unknown,
): OptionValue | false {
  checkArgCount(fn, given, 3, 3);
  const state = socketArg(fn, 1, "socket", socket);
  const lvl = intArg(fn, 2, "level", level);
  const opt = intArg(fn, 3, "option", option);
  checkOpen(fn, state);
  return getOption(fn, state, lvl, opt);
}

function set(
  fn: string,
  given: number,
  socket: unknown,
  level: unknown,
  option: unknown,
  value: unknown,
): boolean {
  checkArgCount(fn, given, 4, 4);
  const state = socketArg(fn, 1, "socket", socket);
  const lvl = intArg(fn, 2, "level", level);
  const opt = intArg(fn, 3, "option", option);
  checkOpen(fn, state);
  return setOption(fn, state, lvl, opt, value);
}

/**
 * Reads a socket option (C `getsockopt()`).
 *
 * Integer options come back as numbers. Struct-valued ones come back as
 * objects, as PHP returns arrays: `SO_LINGER` → `{ l_onoff, l_linger }`,
 * `SO_RCVTIMEO`/`SO_SNDTIMEO` → `{ sec, usec }`, `TCP_CONGESTION` →
 * `{ name }`, `SO_MEMINFO` → its nine counters, `IPV6_PKTINFO` →
 * `{ addr, ifindex }`. `IP_MULTICAST_IF` gives the interface index.
 *
 * Differences from PHP: results are built only from the bytes the kernel
 * wrote (PHP reads a whole int and returns garbage for shorter answers).
 * `SO_BINDTODEVICE` returns the device name (`""` when unbound) and
 * `SO_PEERCRED` returns `{ pid, uid, gid }` where PHP returns meaningless
 * ints. An option whose value is a new descriptor (Linux `SO_PEERPIDFD`)
 * comes back as a `Socket` that owns it, so it is never leaked: close it
 * with `socket_close()`.
 *
 * @param socket The socket.
 * @param level `SOL_SOCKET`, `IPPROTO_IP`, `IPPROTO_IPV6`, `SOL_TCP`, ...
 * @param option The option at that level (`SO_REUSEADDR`, `TCP_NODELAY`, ...).
 * @returns The value, or `false` with a warning `Unable to retrieve socket option [code]: text`.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SO_TYPE, SOCK_STREAM, socket_create, socket_get_option, SOL_SOCKET } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) console.log(socket_get_option(s, SOL_SOCKET, SO_TYPE) === SOCK_STREAM); // true
 * ```
 */
export function socket_get_option(
  socket: Socket,
  level: number,
  option: number,
): OptionValue | false {
  return get("socket_get_option", arguments.length, socket, level, option);
}

/**
 * Alias of {@link socket_get_option} (messages name `socket_getopt`).
 *
 * @param socket The socket.
 * @param level The option level.
 * @param option The option.
 * @returns As {@link socket_get_option}.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SO_ERROR, SOCK_DGRAM, socket_create, socket_getopt, SOL_SOCKET } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_DGRAM, 0);
 * if (s) console.log(socket_getopt(s, SOL_SOCKET, SO_ERROR)); // 0
 * ```
 */
export function socket_getopt(
  socket: Socket,
  level: number,
  option: number,
): OptionValue | false {
  return get("socket_getopt", arguments.length, socket, level, option);
}

/**
 * Sets a socket option (C `setsockopt()`), converting `value` as PHP does.
 *
 * Integer options take any value PHP converts to int (`true` is 1, `"5"`
 * is 5). `SO_LINGER` takes `{ l_onoff, l_linger }`, `SO_RCVTIMEO` and
 * `SO_SNDTIMEO` take `{ sec, usec }`. `MCAST_JOIN_GROUP` and the other
 * `MCAST_*` options take `{ group, interface?, source? }` (the interface as
 * an index or a name). `IP_MULTICAST_IF`/`IPV6_MULTICAST_IF` take an
 * interface index (int) or name (string); `IP_MULTICAST_LOOP` and
 * `IPV6_MULTICAST_LOOP` a boolean; `IP_MULTICAST_TTL` 0..255;
 * `IPV6_MULTICAST_HOPS` -1..255. `TCP_CONGESTION` and `SO_BINDTODEVICE`
 * take a string (`""` unbinds). `SO_ATTACH_REUSEPORT_CBPF` takes
 * `SKF_AD_CPU` or `SKF_AD_QUEUE` (0 detaches).
 *
 * Differences from PHP: the level is honoured (PHP treats option numbers
 * 13, 20, 21, 25 and 51 as `SO_LINGER`, `SO_RCVTIMEO`, `SO_SNDTIMEO`,
 * `SO_BINDTODEVICE`, `SO_ATTACH_REUSEPORT_CBPF` at any level, so
 * `TCP_NOTSENT_LOWAT` could not be set). A non-string for a string option
 * throws a `TypeError` (PHP sends an empty buffer, which unbinds a device).
 * Linger values outside 0..65535 and integers that do not fit a C int
 * throw a `ValueError` (PHP truncates them).
 *
 * @param socket The socket.
 * @param level `SOL_SOCKET`, `IPPROTO_IP`, `IPPROTO_IPV6`, `SOL_TCP`, ...
 * @param option The option at that level.
 * @param value The value, converted as described above.
 * @returns `true`, or `false` with a warning `Unable to set socket option [code]: text`.
 * @throws {ValueError} For out-of-range values and arrays missing a key.
 * @throws {TypeError} For a non-string value of a string option.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SO_REUSEADDR, SOCK_STREAM, socket_create, socket_set_option, SOL_SOCKET } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) socket_set_option(s, SOL_SOCKET, SO_REUSEADDR, 1);
 * ```
 */
export function socket_set_option(
  socket: Socket,
  level: number,
  option: number,
  value: unknown,
): boolean {
  return set("socket_set_option", arguments.length, socket, level, option, value);
}

/**
 * Alias of {@link socket_set_option} (messages name `socket_setopt`).
 *
 * @param socket The socket.
 * @param level The option level.
 * @param option The option.
 * @param value The value.
 * @returns As {@link socket_set_option}.
 * @throws {ValueError} As {@link socket_set_option}.
 * @throws {Error} If the socket is closed.
 * @example
 * ```ts
 * import { AF_INET, SO_KEEPALIVE, SOCK_STREAM, socket_create, socket_setopt, SOL_SOCKET } from "./mod.ts";
 * const s = socket_create(AF_INET, SOCK_STREAM, 0);
 * if (s) socket_setopt(s, SOL_SOCKET, SO_KEEPALIVE, true);
 * ```
 */
export function socket_setopt(
  socket: Socket,
  level: number,
  option: number,
  value: unknown,
): boolean {
  return set("socket_setopt", arguments.length, socket, level, option, value);
}
