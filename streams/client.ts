/**
 * Client streams: `stream_socket_client`.
 *
 * @module
 */

import type { Ref } from "../sockets/args.ts";
import {
  byteStringArg,
  checkArgCount,
  intArg,
  optionalRefArg,
  stringArg,
} from "../sockets/args.ts";
import { warn } from "../sockets/errors.ts";
import {
  STREAM_CLIENT_ASYNC_CONNECT,
  STREAM_CLIENT_CONNECT,
  STREAM_CLIENT_PERSISTENT,
} from "./constants.ts";
import { contextArg } from "./context.ts";
import type { StreamContext } from "./context.ts";
import { floatArg, timeoutArgMs } from "./server.ts";
import { isAlive } from "./sockop.ts";
import { closeStream, newStream, streamStateOf } from "./stream.ts";
import type { Stream } from "./stream.ts";
import { KIND_OF, makeClient } from "./transport.ts";
import { addslashes, splitAddress } from "./url.ts";

/** Persistent client streams by key (`stream_socket_client__<address>`). */
const persistent = new Map<string, Stream>();

/**
 * Opens a client socket stream: `tcp://host:port`, `udp://host:port`,
 * `unix:///path` or `udg:///path` (C `socket()`, then a non-blocking
 * `connect()` waited for up to `timeout`).
 *
 * @param address The peer's address. Without a `transport://` prefix it is
 *   `tcp`. IPv6 addresses go in brackets (`tcp://[::1]:80`). A host name is
 *   resolved, and each address tried in turn within the one timeout.
 * @param error_code Receives the error code (`SOCKET_ECONNREFUSED`, ...; 0
 *   for a failure without one, e.g. an address that could not be parsed).
 * @param error_message Receives the error text.
 * @param timeout Seconds the connect may take (fractions allowed); `null`
 *   for `default_socket_timeout` (60); negative for no limit. It does not
 *   limit later reads (see `stream_set_timeout()`).
 * @param flags `STREAM_CLIENT_CONNECT` (default), optionally with
 *   `STREAM_CLIENT_ASYNC_CONNECT` (return while the connection is still
 *   being made; wait for writability with `stream_select()`) and
 *   `STREAM_CLIENT_PERSISTENT` (reuse the connection opened earlier with
 *   the same address while it is alive).
 * @param context A `stream_context_create()` context; its `socket` options
 *   `bindto` (`"ip:port"`), `tcp_nodelay` and `so_broadcast` apply.
 * @returns The connected stream, or `false` with a warning
 *   `Unable to connect to <address> (<error text>)`.
 * @example
 * ```ts
 * import { fclose, fgets, fwrite, stream_socket_client } from "./mod.ts";
 * const code = { value: 0 }, message = { value: "" };
 * const conn = stream_socket_client("tcp://127.0.0.1:8080", code, message, 5);
 * if (conn) {
 *   fwrite(conn, "HEAD / HTTP/1.0\r\n\r\n");
 *   console.log(fgets(conn));
 *   fclose(conn);
 * } else {
 *   console.log(`${message.value} (${code.value})`);
 * }
 * ```
 *
 * Differences from PHP: the `ssl`/`tls` transports do not exist. Under Deno
 * connecting needs net permission for the address (or read and write
 * permission for the Unix path), and resolving a host name needs net
 * permission for it.
 */
export function stream_socket_client(
  address: string,
  error_code: Ref<number> | null = null,
  error_message: Ref<string> | null = null,
  timeout: number | null = null,
  flags: number = STREAM_CLIENT_CONNECT,
  context: StreamContext | null = null,
): Stream | false {
  const fn = "stream_socket_client";
  checkArgCount(fn, arguments.length, 1, 6);
  address = stringArg(fn, 1, "address", address);
  byteStringArg(fn, 1, "address", address);
  const codeRef = optionalRefArg<number>(fn, 2, "error_code", error_code);
  const messageRef = optionalRefArg<string>(fn, 3, "error_message", error_message);
  const seconds = floatArg(fn, 4, "timeout", timeout);
  flags = intArg(fn, 5, "flags", flags);
  const options = contextArg(fn, 6, context);
  if (codeRef) codeRef.value = 0;
  if (messageRef) messageRef.value = "";

  const key = (flags & STREAM_CLIENT_PERSISTENT) ? `stream_socket_client__${address}` : null;
  if (key !== null) {
    const existing = persistent.get(key);
    if (existing) {
      const state = streamStateOf(existing);
      if (state.open && isAlive(state)) return existing;
      closeStream(state);
    }
  }

  const split = splitAddress(address);
  let failure: { code: number; text: string | null };
  if ("error" in split) {
    failure = { code: 0, text: split.error };
  } else {
    const kind = KIND_OF[split.transport];
    const async = (flags & STREAM_CLIENT_ASYNC_CONNECT) !== 0;
    let fd = -1;
    failure = { code: 0, text: null };
    if ((flags & (STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT)) !== 0) {
      const made = makeClient(fn, kind, split.target, async, timeoutArgMs(seconds), options);
      if ("fd" in made) fd = made.fd;
      else failure = made;
    }
    if (fd >= 0 || (flags & (STREAM_CLIENT_CONNECT | STREAM_CLIENT_ASYNC_CONNECT)) === 0) {
      const stream = newStream({ fd, kind, context: options });
      if (key !== null) {
        persistent.set(key, stream);
        const state = streamStateOf(stream);
        state.persistentKey = key;
        state.onClose = () => {
          if (persistent.get(key) === stream) persistent.delete(key);
        };
      }
      return stream;
    }
  }
  warn(fn, `Unable to connect to ${addslashes(address)} (${failure.text ?? "Unknown error"})`);
  if (codeRef) codeRef.value = failure.code;
  if (messageRef && failure.text !== null) messageRef.value = failure.text;
  return false;
}
