/**
 * PHP's socket stream operations (main/streams/xp_socket.c) and the parts
 * of its stream core (main/streams/streams.c) that sit on them: the 8 KiB
 * read buffer, reads that wait up to the stream's timeout, writes that wait
 * for room, line reading and the end-of-file probe.
 *
 * These calls block the thread while they wait, as PHP's do; the waits use
 * `poll()`, so any descriptor number works.
 *
 * @module
 */

import { platform, Ready, sys } from "../platform/mod.ts";
import { notice } from "../sockets/errors.ts";
import type { StreamState } from "./stream.ts";

const { MSG_PEEK } = platform.php;
/**
 * `MSG_DONTWAIT`, or 0 where the platform has none (Windows): PHP then polls
 * before every read instead.
 */
export const MSG_DONTWAIT: number = platform.php.MSG_DONTWAIT ?? 0;
// PHP's names for the codes: Winsock's WSA codes on Windows.
const {
  SOCKET_EAGAIN: EAGAIN,
  SOCKET_EWOULDBLOCK: EWOULDBLOCK,
  SOCKET_EINTR: EINTR,
  SOCKET_EMSGSIZE: EMSGSIZE,
} = platform.php;

/** PHP's stream chunk size: the read buffer grows by this, and one buffered read asks for it. */
export const CHUNK_SIZE = 8192;
/** The most one unbuffered read asks the kernel for. */
const MAX_DIRECT_READ = 1 << 20;
/** PHP_POLLREADABLE */
const READABLE = Ready.In | Ready.Err | Ready.Hup;

function isTransient(code: number): boolean {
  return code === EAGAIN || code === EWOULDBLOCK || code === EINTR;
}

/** The stream's timeout in milliseconds for poll(), -1 for none (PHP's `php_tvtoto`). */
export function timeoutMs(state: StreamState): number {
  const { sec, usec } = state.timeout;
  if (sec === -1) return -1;
  const ms = sec * 1000 + Math.trunc(usec / 1000);
  return ms < 0 ? -1 : Math.min(ms, 2147483647);
}

/** poll() one descriptor, retrying on EINTR; returns poll()'s result. */
export function pollFor(fd: number, events: number, ms: number): number {
  const s = sys();
  const revents = new Uint16Array(1);
  for (;;) {
    const r = s.poll([fd], [events], revents, ms);
    if (r >= 0 || s.lastError() !== EINTR) return r;
  }
}

/** PHP's `php_sock_stream_wait_for_data`: sets `timedOut` when nothing came in time. */
function waitForData(state: StreamState, hasBufferedData: boolean): void {
  state.timedOut = false;
  const r = pollFor(state.fd, READABLE, hasBufferedData ? 0 : timeoutMs(state));
  if (r === 0) state.timedOut = true;
}

/**
 * PHP's `php_sockop_read`: one `recv()` into `buf`, waiting first up to the
 * timeout on a blocking stream (unless buffered bytes were already taken).
 * Returns the byte count, 0 for "nothing now", or -1 on timeout or error;
 * end of file and hard errors set `eof`.
 */
export function opRead(state: StreamState, buf: Uint8Array, count: number): number {
  if (state.fd < 0) return -1;
  let flags = 0;
  if (state.blocking) {
    const { sec, usec } = state.timeout;
    const dontWait = state.hasBufferedData || (sec === 0 && usec === 0);
    if (dontWait || sec !== -1) flags = MSG_DONTWAIT;
    // Without MSG_DONTWAIT (Windows) a poll must come first even when no wait is wanted.
    if (!dontWait || MSG_DONTWAIT === 0) {
      waitForData(state, state.hasBufferedData);
      if (state.timedOut) return state.hasBufferedData ? 0 : -1;
    }
  }
  const s = sys();
  const n = s.recv(state.fd, buf, Math.min(count, buf.length), flags);
  if (n < 0) {
    if (isTransient(s.lastError())) return 0;
    state.eof = true;
    return -1;
  }
  if (n === 0) state.eof = true;
  return n;
}

/**
 * PHP's `php_sockop_write`: one `send()`, waiting for room up to the timeout
 * on a blocking stream. A failure (or the timeout) raises PHP's notice
 * `Send of N bytes failed with errno=E text`; a non-blocking stream with no
 * room returns 0 silently.
 */
export function opWrite(fn: string, state: StreamState, data: Uint8Array): number {
  if (state.fd < 0) return 0;
  const s = sys();
  const ms = timeoutMs(state);
  const flags = state.blocking && state.timeout.sec !== -1 ? MSG_DONTWAIT : 0;
  for (;;) {
    const n = s.send(state.fd, data, data.length, flags);
    if (n > 0) return n;
    let err = s.lastError();
    if (n < 0 && isTransient(err)) {
      if (!state.blocking) return 0;
      state.timedOut = false;
      const r = pollFor(state.fd, Ready.Out, ms);
      if (r > 0) continue;
      if (r === 0) state.timedOut = true;
      else err = s.lastError();
    }
    notice(fn, `Send of ${data.length} bytes failed with errno=${err} ${s.strerror(err)}`);
    return n;
  }
}

/**
 * PHP's `_php_stream_fill_read_buffer`: when fewer than `size` bytes are
 * buffered, makes room for a chunk and reads once into the buffer. Returns
 * false when the read failed.
 */
export function fillReadBuffer(state: StreamState, size: number): boolean {
  if (state.writePos - state.readPos >= size) return true;
  if (state.buf.length - state.writePos < CHUNK_SIZE) {
    if (state.writePos > state.readPos) {
      state.buf.copyWithin(0, state.readPos, state.writePos);
    }
    state.writePos -= state.readPos;
    state.readPos = 0;
  }
  if (state.buf.length - state.writePos < CHUNK_SIZE) {
    const grown = new Uint8Array(state.buf.length + CHUNK_SIZE);
    grown.set(state.buf.subarray(0, state.writePos));
    state.buf = grown;
  }
  const room = state.buf.subarray(state.writePos);
  const n = opRead(state, room, room.length);
  if (n < 0) return false;
  state.writePos += n;
  return true;
}

function take(state: StreamState, count: number): Uint8Array {
  const out = state.buf.slice(state.readPos, state.readPos + count);
  state.readPos += count;
  return out;
}

/**
 * PHP's `_php_stream_read` for socket streams: buffered bytes first, then
 * at most one read (through the buffer unless buffering is off). Returns
 * the bytes, or `null` for PHP's -1 (nothing read and the read failed).
 */
export function streamRead(state: StreamState, size: number): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let didRead = 0;
  while (size > 0) {
    const avail = state.writePos - state.readPos;
    if (avail > 0) {
      const part = take(state, Math.min(avail, size));
      parts.push(part);
      size -= part.length;
      didRead += part.length;
      state.hasBufferedData = true;
    }
    if (size === 0) break;
    let got: Uint8Array;
    if (!state.buffered) {
      const direct = new Uint8Array(Math.min(size, MAX_DIRECT_READ));
      const n = opRead(state, direct, direct.length);
      if (n < 0) {
        if (didRead === 0) return null;
        break;
      }
      got = direct.subarray(0, n);
    } else {
      if (!fillReadBuffer(state, size)) {
        if (didRead === 0) return null;
        break;
      }
      got = take(state, Math.min(state.writePos - state.readPos, size));
    }
    if (got.length === 0) break;
    parts.push(got);
    didRead += got.length;
    size -= got.length;
    state.hasBufferedData = true;
    // Sockets are not read greedily: one read per call.
    break;
  }
  if (didRead > 0) state.hasBufferedData = false;
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(didRead);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * PHP's `_php_stream_get_line`: a line through `\n`, at most `maxLen - 1`
 * bytes (no limit when `maxLen` is null); what is there at end of file or
 * timeout; `null` when nothing could be read.
 */
export function getLine(state: StreamState, maxLen: number | null): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let room = maxLen === null ? Infinity : maxLen - 1;
  if (maxLen !== null && maxLen <= 0) return null;
  for (;;) {
    const avail = state.writePos - state.readPos;
    if (avail > 0) {
      const view = state.buf.subarray(state.readPos, state.writePos);
      const eol = view.indexOf(0x0a);
      let count = eol >= 0 ? eol + 1 : avail;
      let done = eol >= 0;
      if (count >= room) {
        count = room;
        done = true;
      }
      const part = take(state, count);
      parts.push(part);
      total += count;
      room -= count;
      if (done) break;
    } else if (state.eof) {
      break;
    } else {
      const toRead = maxLen === null ? CHUNK_SIZE : Math.min(room, CHUNK_SIZE);
      fillReadBuffer(state, toRead);
      if (state.writePos - state.readPos === 0) break;
    }
  }
  if (total === 0) return null;
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * PHP's liveness check (`PHP_STREAM_OPTION_CHECK_LIVENESS`) with a zero
 * timeout: false when the peer has closed or the socket failed.
 */
export function isAlive(state: StreamState): boolean {
  if (state.fd < 0) return false;
  // PHP skips the poll where a non-blocking peek cannot block.
  const skipPoll = !state.noIo && (MSG_DONTWAIT !== 0 || !state.blocking);
  if (!skipPoll && pollFor(state.fd, Ready.In | Ready.Err | Ready.Hup | Ready.Pri, 0) <= 0) {
    return true;
  }
  const s = sys();
  const one = new Uint8Array(1);
  const r = s.recv(state.fd, one, 1, MSG_PEEK | MSG_DONTWAIT);
  if (r === 0) return false;
  if (r < 0) {
    const err = s.lastError();
    return err === EWOULDBLOCK || err === EAGAIN || err === EMSGSIZE;
  }
  return true;
}

/** PHP's `_php_stream_eof`: buffered bytes mean no; otherwise probes the socket. */
export function streamEof(state: StreamState): boolean {
  if (state.writePos - state.readPos > 0) return false;
  if (!state.eof && !isAlive(state)) state.eof = true;
  return state.eof;
}
