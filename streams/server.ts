/**
 * Server streams: `stream_socket_server` and `stream_socket_accept`.
 *
 * @module
 */

import { platform, sys } from "../platform/mod.ts";
import type { Ref } from "../sockets/args.ts";
import {
  byteStringArg,
  checkArgCount,
  intArg,
  optionalRefArg,
  phpType,
  stringArg,
} from "../sockets/args.ts";
import { warn } from "../sockets/errors.ts";
import { STREAM_SERVER_BIND, STREAM_SERVER_LISTEN } from "./constants.ts";
import { contextArg, truthy } from "./context.ts";
import type { StreamContext } from "./context.ts";
import { acceptIncoming } from "./network.ts";
import { newStream, streamArg } from "./stream.ts";
import type { Stream } from "./stream.ts";
import { DEFAULT_SOCKET_TIMEOUT } from "./stream.ts";
import { KIND_OF, makeServer } from "./transport.ts";
import { cText, splitAddress } from "./url.ts";

const P = platform.php;

/**
 * PHP's conversion of a `?float` timeout in seconds to poll() milliseconds:
 * `null` is `default_socket_timeout` (60 s), a negative (or absurdly
 * large) value means no limit (-1).
 */
export function timeoutArgMs(timeout: number | null): number {
  const seconds = timeout ?? DEFAULT_SOCKET_TIMEOUT;
  if (Number.isNaN(seconds) || seconds < 0 || seconds >= 2 ** 64 / 1e6) return -1;
  const us = Math.trunc(seconds * 1e6);
  return Math.min(Math.floor(us / 1000), 2147483647);
}

/** Checks a `?float` timeout argument. */
export function floatArg(fn: string, pos: number, name: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  throw new TypeError(
    `${fn}(): Argument #${pos} ($${name}) must be of type ?float, ${phpType(value)} given`,
  );
}

/**
 * Creates a server socket stream: `tcp://host:port`, `udp://host:port`,
 * `unix:///path` or `udg:///path` (C `socket()`, `setsockopt(SO_REUSEADDR)`,
 * `bind()`, `listen()`).
 *
 * @param address The local address. Without a `transport://` prefix it is
 *   `tcp`. IPv6 addresses go in brackets (`tcp://[::1]:0`); port 0 picks a
 *   free port (read it with `stream_socket_get_name()`).
 * @param error_code Receives the error code (0 when the failure has none,
 *   e.g. an address that could not be parsed or resolved).
 * @param error_message Receives the error text.
 * @param flags `STREAM_SERVER_BIND | STREAM_SERVER_LISTEN` by default; a
 *   UDP or `udg` server needs `STREAM_SERVER_BIND` alone.
 * @param context A `stream_context_create()` context; its `socket` options
 *   `backlog` (default 32), `ipv6_v6only`, `so_reuseport` and
 *   `so_broadcast` apply.
 * @returns The server stream, or `false` with a warning
 *   `Unable to connect to <address> (<error text>)`.
 * @example
 * ```ts
 * import { fclose, stream_socket_get_name, stream_socket_server } from "./mod.ts";
 * const code = { value: 0 }, message = { value: "" };
 * const server = stream_socket_server("tcp://127.0.0.1:0", code, message);
 * if (server) {
 *   console.log(stream_socket_get_name(server, false)); // "127.0.0.1:41234"
 *   fclose(server);
 * }
 * ```
 *
 * Differences from PHP: the `ssl`/`tls` transports do not exist. Under Deno
 * binding needs net permission for the address (or read and write
 * permission for the Unix path), and resolving a host name needs net
 * permission for it.
 */
export function stream_socket_server(
  address: string,
  error_code: Ref<number> | null = null,
  error_message: Ref<string> | null = null,
  flags: number = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
  context: StreamContext | null = null,
): Stream | false {
  const fn = "stream_socket_server";
  checkArgCount(fn, arguments.length, 1, 5);
  address = stringArg(fn, 1, "address", address);
  byteStringArg(fn, 1, "address", address);
  const codeRef = optionalRefArg<number>(fn, 2, "error_code", error_code);
  const messageRef = optionalRefArg<string>(fn, 3, "error_message", error_message);
  flags = intArg(fn, 4, "flags", flags);
  const options = contextArg(fn, 5, context);
  if (codeRef) codeRef.value = 0;
  if (messageRef) messageRef.value = "";

  const split = splitAddress(address);
  let failure: { code: number; text: string | null };
  if ("error" in split) {
    failure = { code: 0, text: split.error };
  } else {
    const kind = KIND_OF[split.transport];
    if ((flags & STREAM_SERVER_BIND) === 0) {
      return newStream({ fd: -1, kind, context: options });
    }
    const made = makeServer(fn, kind, split.target, (flags & STREAM_SERVER_LISTEN) !== 0, options);
    if ("fd" in made) return newStream({ fd: made.fd, kind, noIo: true, context: options });
    failure = made;
  }
  warn(fn, `Unable to connect to ${cText(address)} (${failure.text ?? "Unknown error"})`);
  if (codeRef) codeRef.value = failure.code;
  if (messageRef && failure.text !== null) messageRef.value = failure.text;
  return false;
}

/**
 * Accepts a connection on a server stream (C `poll()` then `accept()`).
 *
 * @param socket A listening server stream.
 * @param timeout Seconds to wait (fractions allowed); `null` for
 *   `default_socket_timeout` (60); negative for no limit.
 * @param peer_name Receives the peer's address (`"127.0.0.1:41234"`,
 *   `"[::1]:41234"`, a Unix path, or `""` for an unnamed Unix peer); only
 *   set on success.
 * @returns The connection's stream (blocking, with the server's timeout and
 *   context; the context's `tcp_nodelay` sets `TCP_NODELAY` on it),
 *   or `false` with a warning `Accept failed: Connection timed out` (or
 *   another error text).
 * @throws {TypeError} If `socket` is not an open stream.
 * @example
 * ```ts
 * import { stream_socket_accept, stream_socket_server } from "./mod.ts";
 * const server = stream_socket_server("tcp://127.0.0.1:0");
 * const peer = { value: "" };
 * // const conn = server && stream_socket_accept(server, 5, peer);
 * ```
 *
 * Differences from PHP: the peer name of an unnamed Unix peer is `""`
 * (PHP returns uninitialised bytes).
 */
export function stream_socket_accept(
  socket: Stream,
  timeout: number | null = null,
  peer_name: Ref<string> | null = null,
): Stream | false {
  const fn = "stream_socket_accept";
  checkArgCount(fn, arguments.length, 1, 3);
  const state = streamArg(fn, 1, "socket", socket);
  const seconds = floatArg(fn, 2, "timeout", timeout);
  const peerRef = optionalRefArg<string>(fn, 3, "peer_name", peer_name);
  const r = acceptIncoming(state.fd, timeoutArgMs(seconds));
  if (!("fd" in r)) {
    warn(fn, `Accept failed: ${sys().strerror(r.code)}`);
    return false;
  }
  if (peerRef && r.peer !== null) peerRef.value = r.peer;
  if (state.kind === "tcp_socket" && truthy(state.context?.tcp_nodelay)) {
    const one = new Int32Array([1]);
    sys().setsockopt(r.fd, P.SOL_TCP, P.TCP_NODELAY, new Uint8Array(one.buffer), 4);
  }
  return newStream({
    fd: r.fd,
    kind: state.kind,
    blocking: true,
    context: state.context,
    timeout: { ...state.timeout },
  });
}
