/**
 * `stream_select`: waits until streams are readable, writable or have
 * out-of-band data. Built on `poll()`, so descriptors above 1023 work.
 *
 * @module
 */

import { sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";
import { checkArgCount, optionalIntArg } from "../sockets/args.ts";
import { ValueError, warn } from "../sockets/errors.ts";
import { pollSets } from "../sockets/poll_sets.ts";
import { isStream, streamStateOf, unreadBytes } from "./stream.ts";
import type { Stream } from "./stream.ts";

/** A set of streams, as PHP's by-reference array: a list, or an object with keys. */
export type StreamSet = Stream[] | Record<string | number, Stream>;

/** The open streams of a set that have a descriptor, with their keys. */
function members(set: StreamSet | null): Array<[string, Stream, SocketHandle]> {
  if (set === null || set === undefined) return [];
  const out: Array<[string, Stream, SocketHandle]> = [];
  for (const [key, value] of Object.entries(set)) {
    if (!isStream(value)) continue;
    const state = streamStateOf(value);
    if (state.open && state.fd >= 0) out.push([key, value, state.fd]);
  }
  return out;
}

/**
 * Rewrites a set to keep only the chosen entries: a list stays a list, an
 * object keeps its keys. Returns PHP's complaint about the last element that
 * is not an open stream (PHP throws it once the sets are rewritten), if any.
 */
function keep(
  fn: string,
  set: StreamSet,
  chosen: Array<[string, Stream, SocketHandle]>,
): string | null {
  let complaint: string | null = null;
  for (const value of Object.values(set)) {
    if (!isStream(value)) complaint = `${fn}(): supplied argument is not a valid stream resource`;
    else if (!streamStateOf(value).open) {
      complaint = `${fn}(): supplied resource is not a valid stream resource`;
    }
  }
  if (Array.isArray(set)) {
    set.length = 0;
    for (const [, stream] of chosen) set.push(stream);
    return complaint;
  }
  const keys = new Set(chosen.map(([k]) => k));
  for (const key of Object.keys(set)) if (!keys.has(key)) delete set[key];
  return complaint;
}

function checkSet(fn: string, pos: number, name: string, value: unknown): StreamSet | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") {
    throw new TypeError(`${fn}(): Argument #${pos} ($${name}) must be of type ?array`);
  }
  return value as StreamSet;
}

/**
 * Waits until streams are ready (C `poll()`, in place of PHP's
 * `select()`), then rewrites each set to hold only its ready streams.
 *
 * @param read Streams to watch for data (or end of file, or a pending
 *   connection on a server); `null` for none.
 * @param write Streams to watch for room to write (or a finished
 *   asynchronous connect).
 * @param except Streams to watch for out-of-band data.
 * @param seconds Whole seconds to wait; `null` waits without limit.
 * @param microseconds Added microseconds.
 * @returns How many streams are ready (counted per set), 0 on timeout, or
 *   `false` with a warning `Unable to select [code]: text (max_fd=N)`. A
 *   read stream with bytes already in its read buffer counts as ready at
 *   once: then only those are returned and `write`/`except` are emptied.
 * @throws {ValueError} `No stream arrays were passed` when the sets hold no
 *   usable stream; for a negative timeout, or microseconds with a `null`
 *   seconds.
 * @throws {TypeError} `supplied argument is not a valid stream resource`
 *   (or `supplied resource ...` for a closed stream) when a set holds
 *   something else; as in PHP this comes after the wait, and the sets are
 *   rewritten all the same (other elements are skipped).
 * @example
 * ```ts
 * import { fwrite, STREAM_PF_UNIX, STREAM_SOCK_STREAM, stream_select, stream_socket_pair } from "./mod.ts";
 * const [a, b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) || [];
 * fwrite(a, "x");
 * const read = [a, b];
 * stream_select(read, null, null, 0); // 1; read is now [b]
 * ```
 *
 * Differences from PHP: there is no limit of 1024 on descriptor numbers.
 * A list keeps being a list (the ready streams, in order); to keep PHP's
 * keys, pass an object (`{ client1: s1, client2: s2 }`).
 */
export function stream_select(
  read: StreamSet | null,
  write: StreamSet | null,
  except: StreamSet | null,
  seconds: number | null,
  microseconds: number | null = null,
): number | false {
  const fn = "stream_select";
  checkArgCount(fn, arguments.length, 4, 5);
  const sets = [
    checkSet(fn, 1, "read", read),
    checkSet(fn, 2, "write", write),
    checkSet(fn, 3, "except", except),
  ];
  const sec = optionalIntArg(fn, 4, "seconds", seconds);
  const usec = optionalIntArg(fn, 5, "microseconds", microseconds);
  const lists = sets.map(members);
  if (lists.every((l) => l.length === 0)) throw new ValueError("No stream arrays were passed");
  let timeoutMs = -1;
  if (sec === null) {
    if (usec !== null && usec !== 0) {
      throw new ValueError(
        `${fn}(): Argument #5 ($microseconds) must be null when argument #4 ($seconds) is null`,
      );
    }
  } else {
    if (sec < 0) {
      throw new ValueError(`${fn}(): Argument #4 ($seconds) must be greater than or equal to 0`);
    }
    if (usec !== null && usec < 0) {
      throw new ValueError(
        `${fn}(): Argument #5 ($microseconds) must be greater than or equal to 0`,
      );
    }
    const total = sec * 1000 + Math.trunc((usec ?? 0) / 1000);
    timeoutMs = Math.min(total, 2147483647);
  }

  // PHP's shortcut: buffered bytes make a read stream ready without select().
  if (sets[0] !== null) {
    const buffered = lists[0].filter(([, stream]) => unreadBytes(streamStateOf(stream)) > 0);
    if (buffered.length > 0) {
      const complaint = keep(fn, sets[0], buffered);
      for (const other of [sets[1], sets[2]]) {
        if (Array.isArray(other)) other.length = 0;
        else if (other !== null) { for (const key of Object.keys(other)) delete other[key]; }
      }
      if (complaint !== null) throw new TypeError(complaint);
      return buffered.length;
    }
  }

  const descriptors = lists.map((list) => list.map(([, , fd]) => fd));
  const readyFds = pollSets(descriptors, timeoutMs);
  if (typeof readyFds === "number") {
    const maxFd = Math.max(...descriptors.flat());
    warn(fn, `Unable to select [${readyFds}]: ${sys().strerror(readyFds)} (max_fd=${maxFd})`);
    return false;
  }
  let count = 0;
  let complaint: string | null = null;
  lists.forEach((list, i) => {
    const set = sets[i];
    if (set === null) return;
    const ready = list.filter(([, , fd]) => readyFds[i].has(fd));
    count += readyFds[i].size;
    complaint = keep(fn, set, ready) ?? complaint;
  });
  if (complaint !== null) throw new TypeError(complaint);
  return count;
}
