/**
 * Measures the readiness waits behind `waitReadable()` and the Web Streams:
 * how long a wait takes to notice data, what an idle wait costs in CPU, and
 * how fast bytes flow through `readable`/`writable`. For comparison it also
 * measures the alternative the module does not use: a timer that polls
 * with a zero timeout and backs off (what a runtime without off-thread FFI
 * calls could do instead of a worker).
 *
 * ```sh
 * deno run --allow-ffi --allow-read --allow-env bench/readiness.ts
 * bun bench/readiness.ts
 * ```
 *
 * @module
 */

import process from "node:process";
import {
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_recv,
  socket_write,
  waitReadable,
} from "../mod.ts";
import { Ready, sys } from "../platform/mod.ts";

function pair(): [Socket, Socket] {
  const p: Socket[] = [];
  socket_create_pair(AF_UNIX, SOCK_STREAM, 0, p);
  return [p[0], p[1]];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function drain(s: Socket): void {
  const buf = { value: null as string | null };
  socket_recv(s, buf, 65536, MSG_DONTWAIT);
}

/** Wake latency: the wait is pending off-thread when a timer writes the byte. */
async function wakeLatency(rounds: number): Promise<number[]> {
  const [a, b] = pair();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let sent = 0;
    const waiting = waitReadable(b);
    setTimeout(() => {
      sent = performance.now();
      socket_write(a, "x");
    }, 1);
    await waiting;
    out.push((performance.now() - sent) * 1000);
    drain(b);
  }
  socket_close(a);
  socket_close(b);
  return out.sort((x, y) => x - y);
}

/** The rejected alternative: a zero-timeout poll from a timer, backing off from 1 to 50 ms. */
function timerWait(s: Socket): Promise<void> {
  const revents = new Uint16Array(1);
  return new Promise((resolve) => {
    let delay = 1;
    const check = (): void => {
      if (sys().poll([s.unsafeHandle], [Ready.In], revents, 0) > 0) resolve();
      else {
        delay = Math.min(delay * 2, 50);
        setTimeout(check, delay);
      }
    };
    check();
  });
}

async function timerLatency(rounds: number, idleMs: number): Promise<number[]> {
  const [a, b] = pair();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let sent = 0;
    const waiting = timerWait(b);
    setTimeout(() => {
      sent = performance.now();
      socket_write(a, "x");
    }, idleMs);
    await waiting;
    out.push((performance.now() - sent) * 1000);
    drain(b);
  }
  socket_close(a);
  socket_close(b);
  return out.sort((x, y) => x - y);
}

async function idleCpu(wait: (s: Socket, ms: number) => Promise<unknown>): Promise<number> {
  const [a, b] = pair();
  const before = process.cpuUsage();
  await wait(b, 1000);
  const used = process.cpuUsage(before);
  socket_close(a);
  socket_close(b);
  return (used.user + used.system) / 1000;
}

async function throughput(megabytes: number): Promise<number> {
  const [a, b] = pair();
  const chunk = new Uint8Array(64 * 1024);
  const total = megabytes * 1024 * 1024;
  const started = performance.now();
  const writing = (async () => {
    const writer = a.writable.getWriter();
    for (let sent = 0; sent < total; sent += chunk.length) await writer.write(chunk);
    await writer.close();
  })();
  let got = 0;
  for await (const part of b.readable) got += part.length;
  await writing;
  const seconds = (performance.now() - started) / 1000;
  socket_close(a);
  socket_close(b);
  if (got !== total) throw new Error(`received ${got} of ${total} bytes`);
  return megabytes / seconds;
}

const runtime = typeof (globalThis as { Bun?: unknown }).Bun !== "undefined" ? "bun" : "deno";
const wake = await wakeLatency(500);
console.log(
  `${runtime} waitReadable wake latency (µs): p50 ${percentile(wake, 0.5).toFixed(0)}, p90 ${
    percentile(wake, 0.9).toFixed(0)
  }, p99 ${percentile(wake, 0.99).toFixed(0)}`,
);
console.log(
  `${runtime} waitReadable idle 1 s: ${
    (await idleCpu((s, ms) => waitReadable(s, ms))).toFixed(1)
  } ms CPU`,
);
for (const idle of [0, 20, 200]) {
  const t = await timerLatency(idle === 200 ? 10 : 100, idle);
  console.log(
    `${runtime} timer+backoff poll, data after ${idle} ms idle (µs): p50 ${
      percentile(t, 0.5).toFixed(0)
    }, p90 ${percentile(t, 0.9).toFixed(0)}`,
  );
}
console.log(
  `${runtime} timer+backoff poll idle 1 s: ${
    (await idleCpu((s, ms) => Promise.race([timerWait(s), new Promise((r) => setTimeout(r, ms))])))
      .toFixed(1)
  } ms CPU`,
);
console.log(`${runtime} Web Streams unix pipe: ${(await throughput(256)).toFixed(0)} MiB/s`);
process.exit(0);
