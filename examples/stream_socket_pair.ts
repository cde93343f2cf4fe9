/**
 * The PHP manual's stream_socket_pair() example, ported: two ends of a
 * socket pair exchange one message each way.
 * https://www.php.net/manual/en/function.stream-socket-pair.php
 *
 * ```sh
 * deno run --allow-ffi examples/stream_socket_pair.ts
 * bun examples/stream_socket_pair.ts
 * ```
 *
 * The manual forks with `pcntl_fork()` and gives one end to the child
 * process. JavaScript cannot fork, so here the "parent" and the "child" are
 * two tasks of one program, each holding its own end, each waiting for the
 * other with `waitReadable()` (beyond PHP) instead of blocking in `fgets()`.
 *
 * @module
 */

import {
  fclose,
  fgets,
  fwrite,
  type Stream,
  STREAM_IPPROTO_IP,
  STREAM_PF_UNIX,
  STREAM_SOCK_STREAM,
  stream_socket_pair,
  waitReadable,
} from "../mod.ts";

/** The manual's parent: writes to its end, then prints what the child sent. */
async function parent(end: Stream, childId: string): Promise<void> {
  fwrite(end, `child PID: ${childId}\n`);
  await waitReadable(end);
  console.log(`parent got: ${fgets(end)}`.trimEnd());
  fclose(end);
}

/** The manual's child: writes to its end, then prints what the parent sent. */
async function child(end: Stream): Promise<void> {
  fwrite(end, "message from child\n");
  await waitReadable(end);
  console.log(`child got: ${fgets(end)}`.trimEnd());
  fclose(end);
}

const sockets = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
if (!sockets) throw new Error("stream_socket_pair() failed");
// In the manual, each process closes the end it does not use.
await Promise.all([parent(sockets[1], "task-2"), child(sockets[0])]);
