/**
 * The readiness reactor behind `waitReadable()`/`waitWritable()` and the Web
 * Streams: one `Sys.pollAsync` wait at a time covers every descriptor being
 * waited for, plus a wake-up socket pair so the wait can be interrupted when
 * the set changes, a waiter gives up, or a waited descriptor is closed.
 *
 * Cost model: a waiter whose descriptor is already ready is answered by a
 * zero-timeout `poll()` on the JS thread, without any thread hop. Otherwise
 * the wait runs off the JS thread (Deno's blocking pool, or Bun's poll
 * worker) and costs nothing while idle: no timers, no spinning. When no one
 * waits, nothing is pending, so the reactor never keeps the process alive;
 * the wake-up pair is closed then too.
 *
 * @module
 */

import { platform, Ready, sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";

const { AF_UNIX, AF_INET, SOCK_STREAM } = platform.php;
/** How often the loop looks again when no wake-up pair could be made (out of descriptors). */
const FALLBACK_WAIT_MS = 50;

interface Waiter {
  readonly fd: SocketHandle;
  readonly events: number;
  /** The object being waited on, kept alive (its finalizer cannot close `fd` meanwhile). */
  readonly owner: object;
  readonly resolve: (ready: boolean) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/** Conditions that always end a wait: the caller's next call will see them. */
const ALWAYS = Ready.Err | Ready.Hup | Ready.Invalid;

const waiters = new Set<Waiter>();
let running = false;
/** [read end, write end] of the wake-up socket pair while the loop runs. */
let wake: Int32Array | null = null;
const scratch = new Uint8Array(64);

/** Whether `fd` is ready for `events` now (a zero-timeout poll on this thread). */
export function readyNow(fd: SocketHandle, events: number): boolean {
  const revents = new Uint16Array(1);
  return sys().poll([fd], [events], revents, 0) > 0;
}

/** Interrupts the wait in progress, if any, so the loop rebuilds its set. */
function poke(): void {
  // The write end is non-blocking: a full pipe already means "wake up".
  if (wake !== null) sys().send(wake[1], scratch, 1, 0);
}

function settle(waiter: Waiter, ready: boolean): void {
  if (!waiters.delete(waiter)) return;
  if (waiter.timer !== undefined) clearTimeout(waiter.timer);
  waiter.resolve(ready);
}

function openWake(): Int32Array | null {
  const s = sys();
  const pair = new Int32Array(2);
  // An AF_UNIX pair where there is one; Windows emulates only AF_INET pairs.
  if (s.socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0) {
    if (s.socketpair(AF_INET, SOCK_STREAM, 0, pair) < 0) return null;
  }
  s.setNonBlocking(pair[0], true);
  s.setNonBlocking(pair[1], true);
  return pair;
}

function closeWake(): void {
  if (wake === null) return;
  sys().close(wake[0]);
  sys().close(wake[1]);
  wake = null;
}

function drainWake(): void {
  if (wake === null) return;
  while (sys().recv(wake[0], scratch, scratch.length, 0) > 0) { /* empty the pipe */ }
}

async function loop(): Promise<void> {
  running = true;
  wake = openWake();
  try {
    while (waiters.size > 0) {
      const byFd = new Map<SocketHandle, number>();
      for (const w of waiters) byFd.set(w.fd, (byFd.get(w.fd) ?? 0) | w.events);
      const handles = [...byFd.keys()];
      const events = [...byFd.values()];
      if (wake !== null) {
        handles.push(wake[0]);
        events.push(Ready.In);
      }
      const revents = new Uint16Array(handles.length);
      let n: number;
      try {
        n = await sys().pollAsync(handles, events, revents, wake ? -1 : FALLBACK_WAIT_MS);
      } catch {
        n = -1;
      }
      drainWake();
      if (n < 0) {
        // No error code crosses threads: answer what a direct poll can see,
        // and let the others wait again.
        for (const w of [...waiters]) if (readyNow(w.fd, w.events | ALWAYS)) settle(w, true);
        continue;
      }
      const ready = new Map<SocketHandle, number>();
      handles.forEach((fd, i) => ready.set(fd, revents[i]));
      for (const w of [...waiters]) {
        // The answer may be stale for this waiter: its descriptor number can
        // belong to a socket closed (and reused) while the wait ran. A direct
        // zero-timeout poll on this thread confirms it.
        if ((ready.get(w.fd) ?? 0) & (w.events | ALWAYS) && readyNow(w.fd, w.events | ALWAYS)) {
          settle(w, true);
        }
      }
    }
  } finally {
    closeWake();
    running = false;
  }
}

/**
 * Resolves `true` once `fd` is ready for `events` ({@link Ready} bits; an
 * error or hang-up counts as ready), or `false` after `timeoutMs`
 * milliseconds (negative: no limit) or when {@link cancelWaits} is called
 * for `fd`. `owner` is kept alive until then.
 */
export function waitFor(
  fd: SocketHandle,
  events: number,
  timeoutMs: number,
  owner: object,
): Promise<boolean> {
  if (fd < 0) return Promise.resolve(false);
  if (readyNow(fd, events | ALWAYS)) return Promise.resolve(true);
  if (timeoutMs === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const waiter: Waiter = { fd, events, owner, resolve };
    waiters.add(waiter);
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      waiter.timer = setTimeout(() => {
        settle(waiter, false);
        poke();
      }, timeoutMs);
    }
    if (running) poke();
    else void loop();
  });
}

/**
 * Ends every wait on `fd` with `false` and wakes the reactor so it lets go
 * of the descriptor. Called right before `fd` is closed.
 */
export function cancelWaits(fd: SocketHandle): void {
  if (waiters.size === 0) return;
  let found = false;
  for (const w of [...waiters]) {
    if (w.fd === fd) {
      settle(w, false);
      found = true;
    }
  }
  if (found) poke();
}

/** How many waits are pending (for tests and diagnostics). */
export function pendingWaits(): number {
  return waiters.size;
}
