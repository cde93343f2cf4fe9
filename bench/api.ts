/**
 * The workloads through the module's PHP API (`mod.ts`), as ported PHP code
 * would run them; the same file runs under Deno and Bun:
 *
 *   deno run --allow-ffi --allow-net=127.0.0.1 --v8-flags=--expose-gc bench/api.ts WORKLOAD SIZE
 *   bun bench/api.ts WORKLOAD SIZE
 *
 * Also `sys_send` / `sys_eagain`: the same calls as `call_send` /
 * `call_eagain` one layer down, through the module's FFI wrapper (`sys()`),
 * to compare with a raw FFI call (`bench/raw.ts`).
 *
 * @module
 */

import * as php from "../mod.ts";
import type { Socket } from "../mod.ts";
import { sys } from "../platform/mod.ts";
import { main } from "./_measure.ts";

const {
  AF_INET,
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_DGRAM,
  SOCK_STREAM,
  SOL_TCP,
  SOL_UDP,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_listen,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_sendto,
  socket_write,
} = php;

/** `socket_select`, when the module has it (it is being written in parallel). */
type Select = (
  read: Socket[] | null,
  write: Socket[] | null,
  except: Socket[] | null,
  seconds: number | null,
  microseconds?: number,
) => number | false;
const socket_select = (php as Record<string, unknown>).socket_select as Select | undefined;

function ok<T>(value: T | false, what: string): T {
  if (value === false) {
    throw new Error(`${what} failed: ${php.socket_strerror(php.socket_last_error())}`);
  }
  return value;
}

function unixPair(): [Socket, Socket] {
  const pair: Socket[] = [];
  ok(socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair), "socket_create_pair");
  return [pair[0], pair[1]];
}

function tcpListener(): [Socket, number] {
  const l = ok(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), "socket_create");
  ok(socket_bind(l, "127.0.0.1", 0), "socket_bind");
  ok(socket_listen(l, 128), "socket_listen");
  const port = { value: 0 };
  ok(socket_getsockname(l, { value: "" }, port), "socket_getsockname");
  return [l, port.value];
}

function tcpPair(): [Socket, Socket] {
  const [l, port] = tcpListener();
  const c = ok(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), "socket_create");
  ok(socket_connect(c, "127.0.0.1", port), "socket_connect");
  const s = ok(socket_accept(l), "socket_accept");
  socket_close(l);
  return [c, s];
}

function pingPong([a, b]: [Socket, Socket], n: number): void {
  for (let i = 0; i < n; i++) {
    socket_write(a, "x", 1);
    socket_read(b, 1);
    socket_write(b, "y", 1);
    socket_read(a, 1);
  }
}

/** 64 KiB writes of a Uint8Array, read back as byte strings with socket_read(). */
const chunk = new Uint8Array(65536).map((_, i) => i * 7);
function bulk(total: number): void {
  const [a, b] = unixPair();
  for (let done = 0; done < total;) {
    const n = ok(socket_write(a, chunk), "socket_write");
    for (let got = 0; got < n;) got += ok(socket_read(b, 65536), "socket_read").length;
    done += n;
  }
  socket_close(a);
  socket_close(b);
}

function udpPair(): [Socket, Socket, number] {
  const a = ok(socket_create(AF_INET, SOCK_DGRAM, SOL_UDP), "socket_create");
  const b = ok(socket_create(AF_INET, SOCK_DGRAM, SOL_UDP), "socket_create");
  ok(socket_bind(b, "127.0.0.1", 0), "socket_bind");
  const port = { value: 0 };
  ok(socket_getsockname(b, { value: "" }, port), "socket_getsockname");
  return [a, b, port.value];
}

const datagram = "u".repeat(64);
function udp(n: number): void {
  const [a, b, port] = udpPair();
  const data = { value: "" }, from = { value: "" }, fromPort = { value: 0 };
  for (let i = 0; i < n; i++) {
    if (socket_sendto(a, datagram, 64, 0, "127.0.0.1", port) !== 64) throw new Error("sendto");
    if (socket_recvfrom(b, data, 64, 0, from, fromPort) !== 64) throw new Error("recvfrom");
  }
  socket_close(a);
  socket_close(b);
}

function churn(n: number): void {
  const [l, port] = tcpListener();
  for (let i = 0; i < n; i++) {
    const c = ok(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), "socket_create");
    ok(socket_connect(c, "127.0.0.1", port), "socket_connect");
    socket_close(ok(socket_accept(l), "socket_accept"));
    socket_close(c);
  }
  socket_close(l);
}

/** The sockets of the last count asked for; the previous ones are closed. */
let selectSet: Socket[] = [];
function selectN(count: number): (n: number) => void {
  return (n) => {
    if (selectSet.length !== count) {
      for (const s of selectSet) socket_close(s);
      selectSet = [];
      for (let i = 0; i < count / 2; i++) selectSet.push(...unixPair());
      socket_write(selectSet[Math.floor(count / 4) * 2], "x", 1);
    }
    const all = selectSet;
    for (let i = 0; i < n; i++) {
      const read = all.slice();
      if (socket_select!(read, null, null, 0) !== 1) throw new Error("socket_select");
    }
  };
}

function calls(eagain: boolean, n: number): void {
  const [a, b] = unixPair();
  const ref = { value: null as string | null };
  if (eagain) { for (let i = 0; i < n; i++) socket_recv(b, ref, 1, MSG_DONTWAIT); }
  else for (let i = 0; i < n; i++) socket_send(a, "", 0, 0);
  socket_close(a);
  socket_close(b);
}

/** The same syscalls one layer down: the module's FFI wrapper, no PHP argument handling. */
function sysCalls(eagain: boolean, n: number): void {
  const [a, b] = unixPair();
  const s = sys();
  const buf = new Uint8Array(1);
  if (eagain) {
    const fd = b.unsafeHandle;
    for (let i = 0; i < n; i++) s.recv(fd, buf, 1, MSG_DONTWAIT);
  } else {
    const fd = a.unsafeHandle;
    for (let i = 0; i < n; i++) s.send(fd, buf, 0, 0);
  }
  socket_close(a);
  socket_close(b);
}

/** A million operations: per iteration a write/read on a socketpair and a UDP sendto/recvfrom. */
function memory(n: number): void {
  const pair = unixPair();
  const [a, b, port] = udpPair();
  const data = { value: "" }, from = { value: "" }, fromPort = { value: 0 };
  for (let i = 0; i < n / 4; i++) {
    socket_write(pair[0], "m", 1);
    socket_read(pair[1], 1);
    socket_sendto(a, datagram, 64, 0, "127.0.0.1", port);
    socket_recvfrom(b, data, 64, 0, from, fromPort);
  }
  for (const s of [...pair, a, b]) socket_close(s);
}

/** A million socketpair write/read operations only (no address, no permission query). */
function memoryStream(n: number): void {
  const [a, b] = unixPair();
  for (let i = 0; i < n / 2; i++) {
    socket_write(a, "m", 1);
    socket_read(b, 1);
  }
  socket_close(a);
  socket_close(b);
}

let tcp: [Socket, Socket] | undefined;
const notBuilt = "n/a (not built)";

await main({
  pp_unix: (n) => pingPong(unixPair(), n),
  pp_tcp: (n) => pingPong(tcp ??= tcpPair(), n),
  bulk,
  // socket_read always returns each read as a new string: the same run, set
  // beside C's bulk_copy, which pays that copy too.
  bulk_copy: bulk,
  udp,
  churn,
  select_100: socket_select ? selectN(100) : notBuilt,
  select_1000: socket_select ? selectN(1000) : notBuilt,
  select_10000: socket_select ? selectN(10000) : notBuilt,
  call_send: (n) => calls(false, n),
  call_eagain: (n) => calls(true, n),
  sys_send: (n) => sysCalls(false, n),
  sys_eagain: (n) => sysCalls(true, n),
  memory,
  memory_stream: memoryStream,
});
