/**
 * The core `socket_select()` and `stream_select()` share: the descriptors of
 * the read, write and except sets polled together with `poll()` (no 1024
 * limit), and which of each set's descriptors are ready by `select()`'s
 * rules.
 *
 * @module
 */

import { platform, Ready, sys } from "../platform/mod.ts";

const POLL_MAX_MS = 2147483647;
const { SOCKET_EBADF } = platform.php;

/**
 * What each set asks `poll()` for, and what counts as ready in it: Linux
 * `select()`'s POLLIN_SET, POLLOUT_SET and POLLEX_SET.
 */
const SETS = [
  { ask: Ready.In, ready: Ready.In | Ready.Hup | Ready.Err },
  { ask: Ready.Out, ready: Ready.Out | Ready.Err },
  { ask: Ready.Pri, ready: Ready.Pri },
] as const;

/** poll() for up to `timeoutMs` (-1: forever), in chunks poll() accepts. */
function pollFor(fds: number[], events: number[], revents: Uint16Array, timeoutMs: number): number {
  let remaining = timeoutMs;
  for (;;) {
    const chunk = remaining < 0 ? -1 : Math.min(remaining, POLL_MAX_MS);
    const r = sys().poll(fds, events, revents, chunk);
    if (r !== 0 || chunk === remaining) return r;
    remaining -= chunk;
  }
}

/**
 * Polls the descriptors of the read, write and except sets (`null` for a
 * set not given) for up to `timeoutMs` (-1: forever). Returns, per set, its
 * ready descriptors (each once), or the error code of a failed wait
 * (`SOCKET_EBADF` when a descriptor is not open, as `select()` fails).
 */
export function pollSets(
  lists: readonly (readonly number[] | null)[],
  timeoutMs: number,
): Set<number>[] | number {
  // One pollfd per descriptor, whatever sets it is in. When only one set
  // has descriptors, its list is the pollfd list as it is (poll() takes a
  // descriptor listed twice as two entries), with no merging to pay for.
  const given = lists.filter((list) => list !== null && list.length > 0);
  const single = given.length === 1 ? lists.indexOf(given[0]) : -1;
  const slot = new Map<number, number>();
  let fds: number[] = [];
  let events: number[] = [];
  if (single >= 0) {
    fds = lists[single] as number[];
    events = new Array<number>(fds.length).fill(SETS[single].ask);
  } else {
    lists.forEach((list, i) => {
      for (const fd of list ?? []) {
        let at = slot.get(fd);
        if (at === undefined) {
          at = fds.push(fd) - 1;
          events.push(0);
          slot.set(fd, at);
        }
        events[at] |= SETS[i].ask;
      }
    });
  }

  const revents = new Uint16Array(fds.length);
  if (pollFor(fds, events, revents, timeoutMs) < 0) return sys().lastError();
  if (revents.some((r) => r & Ready.Invalid)) return SOCKET_EBADF;
  return lists.map((list, i) => {
    // The set's ready descriptors (few, usually).
    const ready = new Set<number>();
    if (list === null) return ready;
    for (let k = 0; k < list.length; k++) {
      const at = i === single ? k : slot.get(list[k])!;
      if (revents[at] & SETS[i].ready) ready.add(list[k]);
    }
    return ready;
  });
}
