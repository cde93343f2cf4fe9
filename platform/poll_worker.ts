/**
 * The poll worker (Bun): a worker thread that makes blocking `poll()` calls
 * for `poll_async.ts` and posts each result back, so the JS thread never
 * blocks while it waits. It opens the C library itself on the first request
 * (the library paths come with it) and answers requests one at a time.
 *
 * @module
 */

import { runtime } from "../ffi/load.ts";
import { pollTable } from "./poll_async.ts";
import type { PollRequest, PollResponse } from "./poll_async.ts";

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
type Wait = (fds: Uint8Array, count: number, timeoutMs: number) => number;
let wait: Wait | undefined;

scope.onmessage = (event) => {
  const request = event.data as PollRequest;
  let answer: PollResponse;
  try {
    if (!wait) {
      const { poll } = request;
      const lib = runtime.open({
        paths: request.paths,
        symbols: pollTable(poll, false),
        lastError: { symbol: poll.lastError.symbol, via: poll.lastError.via },
      });
      wait = lib.fn[poll.name] as unknown as Wait;
    }
    const result = wait(request.fds, request.count, request.timeoutMs);
    answer = { id: request.id, result, fds: request.fds };
  } catch (cause) {
    answer = { id: request.id, result: -1, fds: request.fds, error: String(cause) };
  }
  scope.postMessage(answer, [answer.fds.buffer as ArrayBuffer]);
};

// Requests are sent only after this: one posted before the handler above
// existed could be lost.
scope.postMessage("ready", []);
