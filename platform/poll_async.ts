/**
 * `Sys.pollAsync`: `poll()` run off the JS thread, so that waiting for a
 * socket does not stall the event loop.
 *
 * Where the runtime supports non-blocking FFI calls (Deno), `poll()` runs on
 * the runtime's blocking thread pool and resolves a Promise. Elsewhere (Bun,
 * which has no such calls) one worker thread (`poll_worker.ts`) makes the
 * blocking call and posts the result back; the worker is unreferenced while
 * idle, so it never keeps the process alive on its own.
 *
 * Either way the waiting thread holds the kernel's reference to every polled
 * descriptor until `poll()` returns: a caller that wants to close one must
 * wake the wait first (the reactor in `streams/reactor.ts` keeps a wake-up
 * socket in every set for that).
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import type { FfiSymbol } from "../ffi/types.ts";
import type { PlatformDescriptor } from "./descriptor.ts";
import { fromNative, type PollEvents, toNative } from "./poll_events.ts";
import type { SocketHandle, Sys } from "./sys.ts";

/** One `poll()` over a packed `struct pollfd` array; resolves with its result and the array. */
type RawPoll = (
  fds: Uint8Array,
  count: number,
  timeoutMs: number,
) => Promise<{ result: number; fds: Uint8Array }>;

/**
 * Which C function waits, as the backend declares it: `poll()` from libc,
 * or Winsock's `WSAPoll()`, and how the library reports errors (the adapter
 * needs an error accessor to open it, though off-thread calls never read it).
 */
export interface PollFunction {
  /** The symbol: `poll` or `WSAPoll`. */
  readonly name: string;
  /** Its declaration in the backend's symbol table. */
  readonly symbol: FfiSymbol;
  /** The error accessor (`__errno_location`, `__error`, `WSAGetLastError`). */
  readonly lastError: {
    readonly symbol: string;
    readonly via: "location" | "call";
    readonly declaration: FfiSymbol;
  };
}

/** A request to the poll worker. */
export interface PollRequest {
  readonly id: number;
  readonly paths: readonly string[];
  readonly poll: PollFunction;
  readonly fds: Uint8Array;
  readonly count: number;
  readonly timeoutMs: number;
}

/** The poll worker's answer to a {@link PollRequest}. */
export interface PollResponse {
  readonly id: number;
  readonly result: number;
  readonly fds: Uint8Array;
  readonly error?: string;
}

/** The library table holding only the wait function (blocking or not) and the error accessor. */
export function pollTable(poll: PollFunction, nonblocking: boolean): Record<string, FfiSymbol> {
  const { errno: _errno, ...declaration } = poll.symbol;
  return {
    [poll.lastError.symbol]: poll.lastError.declaration,
    [poll.name]: nonblocking ? { ...declaration, nonblocking: true } : declaration,
  };
}

function threadPoolPoll(platform: PlatformDescriptor, poll: PollFunction): RawPoll {
  const lib = runtime.open({
    paths: platform.libraries,
    symbols: pollTable(poll, true),
    lastError: { symbol: poll.lastError.symbol, via: poll.lastError.via },
  });
  const wait = lib.fn[poll.name] as unknown as (
    fds: Uint8Array,
    count: number,
    timeoutMs: number,
  ) => Promise<number>;
  // `fds` stays referenced by this closure until the call settles, so the
  // memory the pool thread writes to cannot be collected meanwhile.
  return async (fds, count, timeoutMs) => ({ result: await wait(fds, count, timeoutMs), fds });
}

interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  ref?(): void;
  unref?(): void;
}

function workerPoll(platform: PlatformDescriptor, poll: PollFunction): RawPoll {
  const url = new URL("./poll_worker.ts", import.meta.url).href;
  const worker = new Worker(url, { type: "module" }) as unknown as WorkerLike;
  const pending = new Map<number, {
    resolve: (r: { result: number; fds: Uint8Array }) => void;
    reject: (e: Error) => void;
  }>();
  let nextId = 1;
  // A message posted before the worker has installed its handler can be
  // lost, so requests wait for the worker's "ready".
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => markReady = resolve);

  const settle = (): void => {
    if (pending.size === 0) worker.unref?.();
  };
  worker.onmessage = (event) => {
    if (event.data === "ready") {
      markReady();
      settle();
      return;
    }
    const answer = event.data as PollResponse;
    const waiter = pending.get(answer.id);
    if (!waiter) return;
    pending.delete(answer.id);
    settle();
    if (answer.error !== undefined) waiter.reject(new Error(answer.error));
    else waiter.resolve({ result: answer.result, fds: answer.fds });
  };
  worker.onerror = (event) => {
    const error = new Error(`the poll worker failed: ${event.message}`);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
    settle();
  };

  return (fds, count, timeoutMs) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // A wait in progress keeps the process alive, like any pending I/O.
      worker.ref?.();
      const request: PollRequest = { id, paths: platform.libraries, poll, fds, count, timeoutMs };
      void ready.then(() => worker.postMessage(request, [fds.buffer as ArrayBuffer]));
    });
}

/**
 * Creates {@link Sys.pollAsync} for a platform, its wait function and the
 * backend's event bits (the same its synchronous `poll` uses).
 */
export function createPollAsync(
  platform: PlatformDescriptor,
  poll: PollFunction,
  pollEvents: PollEvents,
): Sys["pollAsync"] {
  const pollfd = platform.structs.pollfd;
  // The descriptor field is an int on POSIX, a pointer-sized SOCKET on Windows.
  const [pfFd, pfFdSize] = pollfd.fields.fd;
  const [pfEvents] = pollfd.fields.events;
  const [pfRevents] = pollfd.fields.revents;
  let raw: RawPoll | undefined;

  return async (
    handles: ArrayLike<SocketHandle>,
    events: ArrayLike<number>,
    revents: Uint16Array,
    timeoutMs: number,
  ): Promise<number> => {
    raw ??= runtime.nonblocking ? threadPoolPoll(platform, poll) : workerPoll(platform, poll);
    const count = handles.length;
    const packed = new Uint8Array(Math.max(1, count * pollfd.size));
    const out = new DataView(packed.buffer);
    for (let i = 0; i < count; i++) {
      const bits = toNative(pollEvents.request, events[i]);
      if (pfFdSize === 8) out.setBigInt64(i * pollfd.size + pfFd, BigInt(handles[i]), true);
      else out.setInt32(i * pollfd.size + pfFd, handles[i], true);
      out.setInt16(i * pollfd.size + pfEvents, bits, true);
    }
    const { result, fds } = await raw(packed, count, timeoutMs);
    if (result < 0) return result;
    const back = new DataView(fds.buffer, fds.byteOffset, fds.byteLength);
    for (let i = 0; i < count; i++) {
      revents[i] = fromNative(pollEvents.result, back.getUint16(i * pollfd.size + pfRevents, true));
    }
    return result;
  };
}
