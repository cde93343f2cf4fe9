/**
 * Fixtures shared by the socket_sendmsg/socket_recvmsg tests.
 *
 * @module
 */

import {
  type RecvMessage,
  SCM_RIGHTS,
  type Socket,
  socket_read,
  socket_recvmsg,
  socket_sendmsg,
  socket_write,
  SOL_SOCKET,
  type Stream,
} from "../mod.ts";
import { openDescriptors } from "./_helpers.ts";
import { assertStrictEquals } from "./assert.ts";

/** Sends `sockets` with SCM_RIGHTS over `via`. */
export function sendRights(via: Socket, sockets: (Socket | Stream)[], data = "x"): number | false {
  return socket_sendmsg(via, {
    iov: [data],
    control: [{ level: SOL_SOCKET, type: SCM_RIGHTS, data: sockets }],
  });
}

/** Receives a message into a `controllen`-byte control buffer; returns it with the call's result. */
export function receive(
  via: Socket,
  controllen: number,
  flags = 0,
): RecvMessage & { result: number | false } {
  const message: RecvMessage = { controllen };
  const result = socket_recvmsg(via, message, flags);
  return Object.assign(message, { result });
}

/** The Sockets of the first SCM_RIGHTS element of a received message. */
export function receivedSockets(message: RecvMessage): Socket[] {
  const rights = (message.control ?? []).filter((c) =>
    c.level === SOL_SOCKET && c.type === SCM_RIGHTS
  );
  return rights.flatMap((c) => c.data as Socket[]);
}

/** Asserts `a` and `b` are connected to each other both ways. */
export function assertConnected(a: Socket, b: Socket, label: string): void {
  assertStrictEquals(socket_write(a, `${label} a->b`), label.length + 5);
  assertStrictEquals(socket_read(b, 100), `${label} a->b`);
  assertStrictEquals(socket_write(b, `${label} b->a`), label.length + 5);
  assertStrictEquals(socket_read(a, 100), `${label} b->a`);
}

/** Runs `fn` and asserts the process has as many descriptors afterwards. */
export function noLeak(fn: () => void): void {
  const before = openDescriptors();
  fn();
  assertStrictEquals(openDescriptors(), before, "open descriptors before and after");
}
