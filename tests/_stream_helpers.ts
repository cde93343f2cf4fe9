/**
 * Fixtures for the stream, bridge, wait and Web Streams tests: stream pairs
 * over TCP and Unix sockets, forced garbage collection, descriptor probes.
 *
 * @module
 */

import v8 from "node:v8";
import vm from "node:vm";
import {
  fclose,
  SO_TYPE,
  SOL_SOCKET,
  type Stream,
  STREAM_PF_UNIX,
  STREAM_SOCK_STREAM,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_pair,
  stream_socket_server,
} from "../mod.ts";
import { sys } from "../platform/mod.ts";
import { HAS_UNIX_PAIRS } from "./_helpers.ts";

/** Asserts a value is a Stream (not `false`) and returns it. */
export function okStream(value: Stream | false): Stream {
  if (value === false) throw new Error("expected a stream, got false");
  return value;
}

/**
 * A connected stream pair: a Unix socket pair where the platform has one,
 * else a loopback TCP connection (Windows).
 */
export function streamPair(): [Stream, Stream] {
  if (!HAS_UNIX_PAIRS) return tcpStreams();
  const pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
  if (!pair) throw new Error("stream_socket_pair failed");
  return pair;
}

/** A TCP server stream on `host` (127.0.0.1 or [::1]), port 0, and its `host:port` name. */
export function tcpServer(host = "127.0.0.1"): [Stream, string] {
  const server = okStream(stream_socket_server(`tcp://${host}:0`));
  const name = stream_socket_get_name(server, false);
  if (name === false) throw new Error("no server name");
  return [server, name];
}

/** A connected TCP stream pair over loopback: [client, accepted]. The server is closed. */
export function tcpStreams(host = "127.0.0.1"): [Stream, Stream] {
  const [server, name] = tcpServer(host);
  const client = okStream(stream_socket_client(`tcp://${name}`));
  const accepted = okStream(stream_socket_accept(server, 5));
  fclose(server);
  return [client, accepted];
}

/** Closes every stream given that is still open. */
export function closeStreams(...streams: Stream[]): void {
  for (const s of streams) {
    try {
      fclose(s);
    } catch {
      // closed already
    }
  }
}

/** A function that forces a full garbage collection, or null where none is available. */
export function findGc(): (() => void) | null {
  const g = globalThis as { gc?: () => void; Bun?: { gc(force: boolean): void } };
  if (typeof g.gc === "function") return () => g.gc!();
  if (g.Bun && typeof g.Bun.gc === "function") return () => g.Bun!.gc(true);
  try {
    v8.setFlagsFromString("--expose-gc");
    const gc: unknown = vm.runInNewContext("gc");
    if (typeof gc === "function") return gc as () => void;
  } catch {
    // not available in this runtime
  }
  return null;
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether a socket handle is open in this process (`getsockopt(SO_TYPE)` succeeds). */
export function isOpenFd(fd: number): boolean {
  if (fd < 0) return false;
  const len = new Uint32Array([4]);
  return sys().getsockopt(fd, SOL_SOCKET, SO_TYPE, new Uint8Array(4), len) === 0;
}

/** Runs GC until `done()` holds or two seconds pass; returns whether it held. */
export async function collectUntil(gc: () => void, done: () => boolean): Promise<boolean> {
  const deadline = performance.now() + 2_000;
  while (!done() && performance.now() < deadline) {
    gc();
    await sleep(10);
  }
  return done();
}
