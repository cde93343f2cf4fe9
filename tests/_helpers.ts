/**
 * Fixtures shared by the test files: loopback socket pairs, a temp dir for
 * Unix socket paths, warning capture and descriptor counting.
 *
 * @module
 */

import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AF_INET,
  AF_UNIX,
  setWarningHandler,
  SOCK_DGRAM,
  SOCK_STREAM,
  Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_listen,
} from "../mod.ts";
import { sys } from "../platform/mod.ts";

/** The loopback address of a family. */
export function loopback(family: number): string {
  return family === AF_INET ? "127.0.0.1" : "::1";
}

/** Asserts a value is a Socket (not `false`) and returns it. */
export function ok(value: Socket | false): Socket {
  if (!(value instanceof Socket)) throw new Error("expected a Socket, got false");
  return value;
}

/** The port a socket is bound to. */
export function portOf(socket: Socket): number {
  const address = { value: "" };
  const port = { value: 0 };
  if (!socket_getsockname(socket, address, port)) throw new Error("getsockname failed");
  return port.value;
}

/** A listening TCP socket on the family's loopback address, port 0. */
export function tcpListener(family: number): Socket {
  const server = ok(socket_create(family, SOCK_STREAM, 0));
  if (!socket_bind(server, loopback(family), 0) || !socket_listen(server, 16)) {
    throw new Error("cannot listen on loopback");
  }
  return server;
}

/** A connected TCP pair on loopback: [client, accepted]. The listener is closed. */
export function tcpPair(family: number): [Socket, Socket] {
  const server = tcpListener(family);
  const client = ok(socket_create(family, SOCK_STREAM, 0));
  if (!socket_connect(client, loopback(family), portOf(server))) throw new Error("connect failed");
  const accepted = ok(socket_accept(server));
  socket_close(server);
  return [client, accepted];
}

/** Two UDP sockets bound on the family's loopback address: [a, b]. */
export function udpPair(family: number): [Socket, Socket] {
  const make = (): Socket => {
    const s = ok(socket_create(family, SOCK_DGRAM, 0));
    if (!socket_bind(s, loopback(family), 0)) throw new Error("UDP bind failed");
    return s;
  };
  return [make(), make()];
}

/** Closes every socket given, ignoring ones already closed. */
export function closeAll(...sockets: Socket[]): void {
  for (const s of sockets) if (s.unsafeHandle >= 0) socket_close(s);
}

/** Runs `fn` and returns the warnings it emitted, in order, with its result. */
export function captureWarnings<T>(fn: () => T): { result: T; warnings: string[] } {
  const warnings: string[] = [];
  const previous = setWarningHandler((m) => warnings.push(m));
  try {
    return { result: fn(), warnings };
  } finally {
    setWarningHandler(previous);
  }
}

/** A fresh temporary directory; `cleanup()` removes it. */
export function tempDir(): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), "php-sockets-"));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Descriptor numbers below this are probed when /proc/self/fd cannot be read. */
const PROBE_LIMIT = 8192;

/**
 * The number of open file descriptors of this process: the entries of
 * /proc/self/fd or, where that cannot be read (Deno refuses /proc/self
 * without --allow-all), the descriptors below 8192 on which
 * `fcntl(F_GETFL)` succeeds.
 */
export function openDescriptors(): number {
  try {
    return readdirSync("/proc/self/fd").length;
  } catch {
    const s = sys();
    let n = 0;
    for (let fd = 0; fd < PROBE_LIMIT; fd++) if (s.isNonBlocking(fd) >= 0) n++;
    return n;
  }
}

/** A connected AF_UNIX socketpair of the given type. */
export function unixPair(type: number = SOCK_STREAM): [Socket, Socket] {
  const pair: Socket[] = [];
  if (!socket_create_pair(AF_UNIX, type, 0, pair)) throw new Error("socket_create_pair failed");
  return [pair[0], pair[1]];
}

/** Every byte value 0..255 once, as a byte string. */
export const ALL_BYTES: string = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join(
  "",
);
