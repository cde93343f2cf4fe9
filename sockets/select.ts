/**
 * `socket_select()`, built on `poll()` so that any descriptor works (PHP's
 * `select()` fails for descriptors above 1023).
 *
 * @module
 */

import { platform } from "../platform/mod.ts";
import { checkArgCount, intArg, optionalIntArg, phpType } from "./args.ts";
import { ValueError } from "./errors.ts";
import { isPhpArray } from "./php_values.ts";
import { pollSets } from "./poll_sets.ts";
import { globalError } from "./report.ts";
import { Socket, stateOf } from "./socket.ts";

// PHP's SOCKET_E* values: errno on POSIX, the WSA codes on Windows.
const { SOCKET_EINVAL } = platform.php;

/**
 * The sockets of one `socket_select()` set: a list, or an object whose keys
 * PHP would keep (`{ client7: s }`). The function removes the sockets that
 * are not ready, in place.
 */
export type SocketArray = Socket[] | { [key: string]: Socket };

const SETS = [
  { pos: 1, name: "read" },
  { pos: 2, name: "write" },
  { pos: 3, name: "except" },
] as const;

/** The descriptors of one set's sockets, checked as PHP checks them; `null` for no set. */
function descriptorsOf(pos: number, name: string, set: unknown): number[] | null {
  if (set === null || set === undefined) return null;
  if (!isPhpArray(set)) {
    throw new TypeError(
      `socket_select(): Argument #${pos} ($${name}) must be of type ?array, ${phpType(set)} given`,
    );
  }
  const fds: number[] = [];
  // A list by index (Object.values() of a 10,000-element array costs Bun
  // 1.6 ms); holes are skipped, as Object.values() skips them.
  const elements = Array.isArray(set) ? set : Object.values(set);
  for (let i = 0; i < elements.length; i++) {
    if (!(i in elements)) continue;
    const element = elements[i];
    if (!(element instanceof Socket)) {
      throw new TypeError(
        `socket_select(): Argument #${pos} ($${name}) must only have elements of type Socket, ${
          phpType(element)
        } given`,
      );
    }
    const fd = stateOf(element).fd;
    if (fd < 0) {
      throw new TypeError(`socket_select(): Argument #${pos} ($${name}) contains a closed socket`);
    }
    fds.push(fd);
  }
  return fds;
}

/** Keeps only the ready sockets of a set, in order (an object keeps its keys). */
function keepReady(set: SocketArray, isReady: (fd: number) => boolean): void {
  if (Array.isArray(set)) {
    let n = 0;
    for (const s of set) if (isReady(stateOf(s).fd)) set[n++] = s;
    set.length = n;
    return;
  }
  for (const key of Object.keys(set)) if (!isReady(stateOf(set[key]).fd)) delete set[key];
}

/**
 * Waits until some of the given sockets are ready to read, to write, or
 * have urgent data (C `select()`; here `poll()`).
 *
 * On success each non-null set keeps only its ready sockets, in their
 * order (an object keeps its keys, as PHP keeps array keys) and the result
 * counts the ready sockets of each set, a socket listed in two sets once per
 * set.
 *
 * Differences from PHP: descriptors above 1023 work (PHP fails with "You
 * MUST recompile PHP with a larger value of FD_SETSIZE"), so one call can
 * watch tens of thousands of sockets. A list (JS array) is compacted, where
 * PHP would keep the integer keys of the remaining entries; pass an object
 * to keep keys. On Windows a negative timeout fails with `WSAEINVAL` as
 * on POSIX, where PHP's winsock `select()` returns 0 at once.
 *
 * @param read Sockets to watch for reading (data, end of file, a pending
 *   connection), or `null`.
 * @param write Sockets to watch for writing, or `null`.
 * @param except Sockets to watch for urgent (out-of-band) data, or `null`.
 * @param seconds Seconds to wait; `null` waits until something is ready.
 * @param microseconds Microseconds added to `seconds` (values above 999999
 *   carry into seconds, as in PHP).
 * @returns The number of ready sockets (0 on timeout), or `false` with a
 *   warning `Unable to select [code]: text` (e.g. interrupted by a signal, or
 *   a negative timeout: `[22]: Invalid argument`).
 * @throws {ValueError} `At least one array argument must be passed` when no set holds a socket.
 * @throws {TypeError} When a set holds something that is not a Socket, or a closed one.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, Socket, socket_create_pair, socket_select, socket_write } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_write(pair[0], "ping");
 * const read = [pair[0], pair[1]];
 * console.log(socket_select(read, null, null, 0), read.length); // 1 1 (pair[1] is readable)
 * ```
 */
export function socket_select(
  read: SocketArray | null,
  write: SocketArray | null,
  except: SocketArray | null,
  seconds: number | null,
  microseconds: number = 0,
): number | false {
  const fn = "socket_select";
  checkArgCount(fn, arguments.length, 4, 5);
  const args = [read, write, except] as const;
  const lists = SETS.map((s, i) => descriptorsOf(s.pos, s.name, args[i]));
  let sec = optionalIntArg(fn, 4, "seconds", seconds);
  let usec = intArg(fn, 5, "microseconds", microseconds);
  if (lists.every((fds) => fds === null || fds.length === 0)) {
    throw new ValueError("socket_select(): At least one array argument must be passed");
  }

  let timeoutMs = -1;
  if (sec !== null) {
    if (usec > 999999) {
      sec += Math.trunc(usec / 1000000);
      usec %= 1000000;
    }
    if (sec < 0 || usec < 0) {
      globalError(fn, "Unable to select", SOCKET_EINVAL);
      return false;
    }
    timeoutMs = sec * 1000 + Math.ceil(usec / 1000);
  }

  const ready = pollSets(lists, timeoutMs);
  if (typeof ready === "number") {
    globalError(fn, "Unable to select", ready);
    return false;
  }
  let count = 0;
  args.forEach((target, i) => {
    if (target === null || lists[i] === null) return;
    count += ready[i].size;
    keepReady(target, (fd) => ready[i].has(fd));
  });
  return count;
}
