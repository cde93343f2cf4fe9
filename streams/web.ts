/**
 * Sockets and streams as Web Streams: a `ReadableStream` and a
 * `WritableStream` of `Uint8Array` per Socket or Stream, so they pipe into
 * `Response`, `TextDecoderStream`, `pipeTo()`.
 *
 * They never block the event loop: each read or write is a non-blocking
 * call (`MSG_DONTWAIT`), and when the socket is not ready they wait through
 * the reactor (`reactor.ts`), off the JS thread. The readable side has a
 * high-water mark of 0, so it only reads when asked: nothing is taken from
 * the socket that a later `socket_read()`/`fread()` should have seen.
 *
 * Reads and writes that need no wait complete on promise callbacks; after
 * 8 ms of those in a row, the next one lets the event loop run a turn first,
 * so a busy pipe between local sockets never starves timers.
 *
 * Ownership stays with the PHP side: cancelling the readable does not close
 * the socket, closing the writable only shuts down sending, and
 * `socket_close()`/`fclose()` ends both (a pending read fails).
 *
 * @module
 */

import { platform, Ready, sys } from "../platform/mod.ts";
import type { SocketHandle } from "../platform/mod.ts";
import { asBytes } from "../sockets/bytes.ts";
import { Socket, stateOf } from "../sockets/socket.ts";
import { readyNow, waitFor } from "./reactor.ts";
import { MSG_DONTWAIT } from "./sockop.ts";
import { Stream, streamStateOf } from "./stream.ts";

const { SOL_SOCKET, SO_TYPE, SOCK_STREAM } = platform.php;
// PHP's names for the codes: Winsock's WSA codes on Windows.
const { SOCKET_EAGAIN: EAGAIN, SOCKET_EWOULDBLOCK: EWOULDBLOCK, SOCKET_EINTR: EINTR } =
  platform.php;
/** `shutdown()`'s "no more sending" (`SHUT_WR`, Winsock's `SD_SEND`): 1 everywhere. */
const SHUT_WR = 1;
/**
 * Where there is no `MSG_DONTWAIT` (Windows), a zero-timeout poll says first
 * whether a call can go ahead, and a send takes at most this much at once.
 */
const POLLED_SEND_SIZE = 16384;
/** The most one read takes from the socket. */
const READ_SIZE = 65536;
/**
 * The most time reads and writes that complete at once may run on promise
 * callbacks alone: a pipe between two busy local sockets never has to wait,
 * and would starve timers and other I/O. Past this, the next call first lets
 * the event loop run a turn.
 */
const MAX_BUSY_MS = 8;
let lastTurn = 0;

/** Yields to the event loop when the streams have kept it busy for {@link MAX_BUSY_MS}. */
function fairTurn(): Promise<void> | undefined {
  const now = performance.now();
  if (now - lastTurn < MAX_BUSY_MS) return undefined;
  return new Promise((resolve) =>
    setImmediate(() => {
      lastTurn = performance.now();
      resolve();
    })
  );
}

/** What the Web Streams need from a Socket or a Stream. */
interface Endpoint {
  /** The object waited on (kept alive while waiting). */
  readonly owner: object;
  /** The descriptor now, negative once closed. */
  handle(): SocketHandle;
  /** Bytes already read into a PHP read buffer, handed out first. */
  takeBuffered(): Uint8Array | null;
}

function endpointOf(target: Socket | Stream): Endpoint {
  if (target instanceof Stream) {
    const state = streamStateOf(target);
    return {
      owner: target,
      handle: () => state.open ? state.fd : -1,
      takeBuffered: () => {
        if (state.writePos <= state.readPos) return null;
        const out = state.buf.slice(state.readPos, state.writePos);
        state.readPos = state.writePos = 0;
        return out;
      },
    };
  }
  const state = stateOf(target);
  return { owner: target, handle: () => state.fd, takeBuffered: () => null };
}

function closedError(): Error {
  return new Error("The socket was closed");
}

function isTransient(code: number): boolean {
  return code === EAGAIN || code === EWOULDBLOCK || code === EINTR;
}

/** Whether the socket is a byte stream (a 0-byte read is then end of file). */
function isByteStream(fd: SocketHandle): boolean {
  const value = new Int32Array(1);
  const len = new Uint32Array([4]);
  if (sys().getsockopt(fd, SOL_SOCKET, SO_TYPE, new Uint8Array(value.buffer), len) < 0) {
    return true;
  }
  return value[0] === SOCK_STREAM;
}

function systemError(call: string, code: number): Error {
  return new Error(`${call}() failed [${code}]: ${sys().strerror(code)}`);
}

function makeReadable(ep: Endpoint): ReadableStream<Uint8Array> {
  let byteStream: boolean | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller): Promise<void> {
      const s = sys();
      const turn = fairTurn();
      if (turn) await turn;
      for (;;) {
        const buffered = ep.takeBuffered();
        if (buffered) {
          controller.enqueue(buffered);
          return;
        }
        const fd = ep.handle();
        if (fd < 0) throw closedError();
        byteStream ??= isByteStream(fd);
        if (MSG_DONTWAIT === 0 && !readyNow(fd, Ready.In)) {
          await waitFor(fd, Ready.In, -1, ep.owner);
          lastTurn = performance.now();
          continue;
        }
        const buf = new Uint8Array(READ_SIZE);
        const n = s.recv(fd, buf, buf.length, MSG_DONTWAIT);
        if (n > 0) {
          controller.enqueue(buf.slice(0, n));
          return;
        }
        if (n === 0) {
          if (byteStream) controller.close();
          else controller.enqueue(new Uint8Array(0));
          return;
        }
        const code = s.lastError();
        if (!isTransient(code)) throw systemError("recv", code);
        await waitFor(fd, Ready.In, -1, ep.owner);
        lastTurn = performance.now();
      }
    },
  }, { highWaterMark: 0 });
}

function makeWritable(ep: Endpoint): WritableStream<Uint8Array> {
  let byteStream: boolean | undefined;
  return new WritableStream<Uint8Array>({
    async write(chunk): Promise<void> {
      const s = sys();
      const turn = fairTurn();
      if (turn) await turn;
      const bytes = asBytes(chunk);
      let off = 0;
      do {
        const fd = ep.handle();
        if (fd < 0) throw closedError();
        byteStream ??= isByteStream(fd);
        let size = bytes.length - off;
        if (MSG_DONTWAIT === 0) {
          if (!readyNow(fd, Ready.Out)) {
            await waitFor(fd, Ready.Out, -1, ep.owner);
            lastTurn = performance.now();
            continue;
          }
          if (byteStream) size = Math.min(size, POLLED_SEND_SIZE);
        }
        const n = s.send(fd, bytes.subarray(off), size, MSG_DONTWAIT);
        if (n >= 0) {
          off += n;
          if (!byteStream) return; // a datagram goes out whole
          continue;
        }
        const code = s.lastError();
        if (!isTransient(code)) throw systemError("send", code);
        await waitFor(fd, Ready.Out, -1, ep.owner);
        lastTurn = performance.now();
      } while (off < bytes.length);
    },
    close(): void {
      const fd = ep.handle();
      if (fd >= 0) sys().shutdown(fd, SHUT_WR);
    },
  }, { highWaterMark: 1 });
}

const cache = new WeakMap<
  object,
  { readable?: ReadableStream<Uint8Array>; writable?: WritableStream<Uint8Array> }
>();

function entry(target: Socket | Stream): {
  readable?: ReadableStream<Uint8Array>;
  writable?: WritableStream<Uint8Array>;
} {
  if (!(target instanceof Socket) && !(target instanceof Stream)) {
    throw new TypeError("expected a Socket or a stream");
  }
  let e = cache.get(target);
  if (!e) cache.set(target, e = {});
  return e;
}

/**
 * The bytes arriving on a Socket or Stream, as a Web `ReadableStream` of
 * `Uint8Array` (the same one each time). It ends at end of file (a datagram
 * socket yields one chunk per datagram and never ends by itself) and fails
 * when the socket is closed while it waits. Cancelling it leaves the socket
 * open.
 *
 * @param target An open Socket or Stream.
 * @returns The readable side.
 * @throws {TypeError} If `target` is neither.
 * @example
 * ```ts
 * import { AF_UNIX, readableOf, SOCK_STREAM, type Socket, socket_close, socket_create_pair, socket_write } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * socket_write(pair[0], "héllo");
 * socket_close(pair[0]);
 * const text = await new Response(readableOf(pair[1])).text(); // "héllo" (UTF-8 decoded)
 * ```
 */
export function readableOf(target: Socket | Stream): ReadableStream<Uint8Array> {
  const e = entry(target);
  return e.readable ??= makeReadable(endpointOf(target));
}

/**
 * A Web `WritableStream` of `Uint8Array` sending to a Socket or Stream (the
 * same one each time). Each chunk is sent completely (on a datagram socket,
 * as one datagram), waiting for room without blocking the event loop.
 * Closing it shuts down the sending side (`shutdown(SHUT_WR)`); the socket
 * stays open for reading.
 *
 * @param target An open Socket or Stream.
 * @returns The writable side.
 * @throws {TypeError} If `target` is neither.
 * @example
 * ```ts
 * import { AF_UNIX, SOCK_STREAM, type Socket, socket_create_pair, writableOf } from "./mod.ts";
 * const pair: Socket[] = [];
 * socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
 * await new Blob(["hello"]).stream().pipeTo(writableOf(pair[0])); // then shut down for writing
 * ```
 */
export function writableOf(target: Socket | Stream): WritableStream<Uint8Array> {
  const e = entry(target);
  return e.writable ??= makeWritable(endpointOf(target));
}
