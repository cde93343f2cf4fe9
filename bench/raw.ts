/**
 * The ceiling: the ping-pong, bulk, UDP and per-call workloads as raw FFI
 * calls (`bench/raw/deno.ts`, `bench/raw/bun.ts`) on descriptors the module
 * created. Bulk reads into a reused Uint8Array (no byte string is built).
 *
 *   deno run --allow-ffi --allow-net=127.0.0.1 bench/raw.ts WORKLOAD SIZE
 *   bun bench/raw.ts WORKLOAD SIZE
 *
 * @module
 */

import {
  AF_INET,
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_listen,
} from "../mod.ts";
import { main } from "./_measure.ts";

const isBun = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined";
const raw = isBun ? await import("./raw/bun.ts") : await import("./raw/deno.ts");
// deno-lint-ignore no-explicit-any -- the two bindings differ only in how size_t travels
const { write, read, send, recv, sendto, recvfrom } = raw.symbols as Record<string, any>;
const MSG_NOSIGNAL = 0x4000; // Linux, as the module adds it to every send

function fds(pair: Socket[]): [number, number] {
  return [pair[0].unsafeHandle, pair[1].unsafeHandle];
}

function unixPair(): [number, number] {
  const pair: Socket[] = [];
  socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
  return fds(pair);
}

const keep: Socket[] = []; // sockets whose descriptors are in use: not collected
function tcpPair(): [number, number] {
  const l = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
  socket_bind(l, "127.0.0.1", 0);
  socket_listen(l, 1);
  const port = { value: 0 };
  socket_getsockname(l, { value: "" }, port);
  const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
  socket_connect(c, "127.0.0.1", port.value);
  const s = socket_accept(l) as Socket;
  keep.push(l, c, s);
  return fds([c, s]);
}

const one = new Uint8Array([120]);
const rbuf = new Uint8Array(65536);
const S1 = raw.size(1);
function pingPong([a, b]: [number, number], n: number): void {
  for (let i = 0; i < n; i++) {
    write(a, one, S1);
    read(b, rbuf, S1);
    write(b, one, S1);
    read(a, rbuf, S1);
  }
}

const chunk = new Uint8Array(65536).map((_, i) => i * 7);
const S64K = raw.size(65536);
function bulk(total: number): void {
  const [a, b] = unixPair();
  for (let done = 0; done < total;) {
    const n = Number(write(a, chunk, S64K));
    for (let got = 0; got < n;) got += Number(read(b, rbuf, S64K));
    done += n;
  }
}

function udp(n: number): void {
  const a = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
  const b = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
  socket_bind(b, "127.0.0.1", 0);
  const port = { value: 0 };
  socket_getsockname(b, { value: "" }, port);
  keep.push(a, b);
  const to = new Uint8Array(16);
  new DataView(to.buffer).setUint16(0, AF_INET, true);
  new DataView(to.buffer).setUint16(2, port.value, false);
  to.set([127, 0, 0, 1], 4);
  const from = new Uint8Array(128), fromLen = new Uint32Array(1);
  const data = new Uint8Array(64), S64 = raw.size(64);
  const fa = a.unsafeHandle, fb = b.unsafeHandle;
  for (let i = 0; i < n; i++) {
    sendto(fa, data, S64, MSG_NOSIGNAL, to, 16);
    fromLen[0] = 128;
    recvfrom(fb, rbuf, S64, 0, from, fromLen);
  }
}

const S0 = raw.size(0);
function calls(eagain: boolean, n: number): void {
  const [a, b] = unixPair();
  if (eagain) { for (let i = 0; i < n; i++) recv(b, one, S1, MSG_DONTWAIT); }
  else for (let i = 0; i < n; i++) send(a, one, S0, MSG_NOSIGNAL);
}

let tcp: [number, number] | undefined;
const na = "n/a (no raw variant)";
await main({
  pp_unix: (n) => pingPong(unixPair(), n),
  pp_tcp: (n) => pingPong(tcp ??= tcpPair(), n),
  bulk,
  udp,
  churn: na,
  call_send: (n) => calls(false, n),
  call_eagain: (n) => calls(true, n),
  memory: na,
});
