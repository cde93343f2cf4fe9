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
  socket_strerror,
} from "../mod.ts";
import { platform, sys } from "../platform/mod.ts";

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

// --- what the running platform can do (the Windows run under Wine has no AF_UNIX) ---

/**
 * Whether AF_UNIX socket pairs exist here: POSIX has them; Windows'
 * `socketpair()` is emulated over TCP for AF_INET only, and Wine has no
 * AF_UNIX sockets at all.
 */
export const HAS_UNIX_PAIRS: boolean = (() => {
  const pair: Socket[] = [];
  const made = withoutWarningsQuiet(() => socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair));
  closeAll(...pair);
  return made;
})();

/** Whether AF_UNIX sockets can be created at all (bound to paths, ...). */
export const HAS_AF_UNIX: boolean = (() => {
  const s = withoutWarningsQuiet(() => socket_create(AF_UNIX, SOCK_STREAM, 0));
  if (s === false) return false;
  socket_close(s);
  return true;
})();

/** `skip` option for a test that needs AF_UNIX sockets. */
export const needsUnix: string | false = HAS_AF_UNIX && HAS_UNIX_PAIRS
  ? false
  : "AF_UNIX sockets are not available here (Wine's Winsock has none)";

/** `skip` option for a test of a Linux-only behaviour, with the reason. */
export function linuxOnly(what: string): string | false {
  return platform.os === "linux" ? false : `${what} is Linux behaviour`;
}

/** Runs `fn` with warnings silenced (a probe must not print). */
function withoutWarningsQuiet<T>(fn: () => T): T {
  const previous = setWarningHandler(null);
  try {
    return fn();
  } finally {
    setWarningHandler(previous);
  }
}

/**
 * A connected pair of the given type: an AF_UNIX socketpair where the
 * platform has one, else loopback sockets (TCP for SOCK_STREAM, two UDP
 * sockets connected to each other for SOCK_DGRAM).
 */
export function localPair(type: number = SOCK_STREAM): [Socket, Socket] {
  if (HAS_UNIX_PAIRS) return unixPair(type);
  if (type === SOCK_STREAM) return tcpPair(AF_INET);
  const [a, b] = udpPair(AF_INET);
  if (!socket_connect(a, "127.0.0.1", portOf(b)) || !socket_connect(b, "127.0.0.1", portOf(a))) {
    throw new Error("UDP connect failed");
  }
  return [a, b];
}

/** PHP's warning for a failed call on this platform: `fn(): msg [code]: text`. */
export function phpWarning(fn: string, msg: string, code: number): string {
  return `${fn}(): ${msg} [${code}]: ${socket_strerror(code)}`;
}

/**
 * `skip` option for a test that counts open descriptors: POSIX descriptors
 * are small numbers that {@link openDescriptors} can enumerate; Windows
 * handles are not.
 */
export const countsDescriptors: string | false = platform.os === "windows"
  ? "Windows socket handles cannot be enumerated by number"
  : false;
