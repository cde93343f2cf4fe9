/**
 * waitReadable() / waitWritable(): readiness waits that keep the event loop
 * running, cost no CPU while idle, end when the socket closes, and never
 * keep the process alive on their own.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import process from "node:process";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import {
  AF_INET,
  fclose,
  fgets,
  fwrite,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_close,
  socket_connect,
  socket_create,
  socket_read,
  socket_recv,
  socket_send,
  socket_set_nonblock,
  socket_write,
  waitReadable,
  waitWritable,
  withoutWarnings,
} from "../mod.ts";
import { pendingWaits } from "../streams/reactor.ts";
import { closeAll, localPair, ok, portOf, tcpListener } from "./_helpers.ts";
import { sleep, streamPair } from "./_stream_helpers.ts";
import { assert, assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

describe("waitReadable()", () => {
  test("resolves true when data arrives, while a timer keeps firing", async () => {
    const [a, b] = localPair();
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 10);
      setTimeout(() => socket_write(a, "late"), 150);
      const started = performance.now();
      const ready = await waitReadable(b, 5_000);
      clearInterval(timer);
      assertStrictEquals(ready, true);
      assert(performance.now() - started >= 100, "it waited for the data");
      assert(ticks >= 5, `the event loop kept running (${ticks} ticks)`);
      assertStrictEquals(socket_read(b, 10), "late");
    } finally {
      closeAll(a, b);
    }
  });

  test("is true at once when data is already there, false after the timeout", async () => {
    const [a, b] = localPair();
    try {
      assertStrictEquals(await waitReadable(b, 0), false);
      const started = performance.now();
      assertStrictEquals(await waitReadable(b, 120), false);
      assert(performance.now() - started >= 100, "waited the timeout");
      socket_write(a, "x");
      assertStrictEquals(await waitReadable(b, 0), true);
      assertStrictEquals(pendingWaits(), 0);
    } finally {
      closeAll(a, b);
    }
  });

  test("resolves false when the socket is closed while waiting, and nothing stays pending", async () => {
    const [a, b] = localPair();
    const waiting = waitReadable(b);
    assertStrictEquals(pendingWaits(), 1);
    setTimeout(() => socket_close(b), 30);
    assertStrictEquals(await waiting, false);
    assertStrictEquals(pendingWaits(), 0);
    closeAll(a);
  });

  test("costs no CPU while idle (no busy polling)", async () => {
    const [a, b] = localPair();
    try {
      const before = process.cpuUsage();
      const started = performance.now();
      assertStrictEquals(await waitReadable(b, 400), false);
      const wall = performance.now() - started;
      const used = process.cpuUsage(before);
      const cpuMs = (used.user + used.system) / 1000;
      assert(wall >= 380, `waited ${wall} ms`);
      assert(cpuMs < 150, `used ${cpuMs} ms of CPU in ${wall} ms of waiting`);
    } finally {
      closeAll(a, b);
    }
  });

  test("many waits at once each resolve for their own socket", async () => {
    const pairs = Array.from({ length: 40 }, () => localPair());
    try {
      const waits = pairs.map(([, b]) => waitReadable(b, 5_000));
      const order = [...pairs.keys()].sort(() => Math.random() - 0.5);
      for (const i of order) {
        socket_write(pairs[i][0], String(i));
        await sleep(1);
      }
      assertEquals(await Promise.all(waits), pairs.map(() => true));
      pairs.forEach(([, b], i) => assertStrictEquals(socket_read(b, 10), String(i)));
      assertStrictEquals(pendingWaits(), 0);
    } finally {
      for (const p of pairs) closeAll(...p);
    }
  });

  test("lets a server accept without blocking the event loop", async () => {
    const server = tcpListener(AF_INET);
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      setTimeout(() => socket_connect(client, "127.0.0.1", portOf(server)), 50);
      assertStrictEquals(await waitReadable(server, 5_000), true);
      const conn = ok(socket_accept(server));
      socket_write(conn, "accepted");
      assertStrictEquals(socket_read(client, 100), "accepted");
      socket_close(conn);
    } finally {
      closeAll(client, server);
    }
  });

  test("a stream with buffered bytes is ready at once", async () => {
    const [x, y] = streamPair();
    try {
      fwrite(x, "one\ntwo\n");
      assertStrictEquals(fgets(y), "one\n");
      assertStrictEquals(await waitReadable(y, 0), true);
      assertStrictEquals(fgets(y), "two\n");
      assertStrictEquals(await waitReadable(y, 0), false);
    } finally {
      fclose(x);
      fclose(y);
    }
  });

  test("rejects closed targets and other values as PHP's functions do", () => {
    const [a, b] = localPair();
    socket_close(b);
    assertThrows(
      () => waitReadable(b),
      Error,
      "waitReadable(): Argument #1 ($target) has already been closed",
    );
    const [x, y] = streamPair();
    fclose(y);
    assertThrows(
      () => waitReadable(y),
      TypeError,
      "waitReadable(): supplied resource is not a valid stream resource",
    );
    assertThrows(
      () => waitReadable("x" as never),
      TypeError,
      "must be of type Socket or stream, string given",
    );
    assertThrows(
      () => waitReadable(a, "5" as never),
      TypeError,
      "($timeoutMs) must be of type number",
    );
    closeAll(a);
    fclose(x);
  });
});

describe("waitWritable()", () => {
  test("waits until a full socket has room again", async () => {
    const [a, b] = localPair();
    try {
      socket_set_nonblock(a);
      socket_set_nonblock(b);
      const chunk = "x".repeat(65536);
      while (withoutWarnings(() => socket_send(a, chunk, chunk.length, 0)) !== false) { /* fill */ }
      assertStrictEquals(await waitWritable(a, 0), false);
      const waiting = waitWritable(a, 5_000);
      setTimeout(() => {
        const buf = { value: null as string | null };
        while (withoutWarnings(() => socket_recv(b, buf, 65536, 0)) !== false) { /* drain */ }
      }, 50);
      assertStrictEquals(await waiting, true);
    } finally {
      closeAll(a, b);
    }
  });
});

describe("process lifetime", () => {
  test("a program that waited and closed its sockets exits by itself", () => {
    const probe = fileURLToPath(new URL("./fixtures/wait_exit_probe.ts", import.meta.url).href);
    const deno = (globalThis as { Deno?: { execPath(): string } }).Deno;
    const [command, args] = deno
      ? [deno.execPath(), ["run", "--allow-ffi", "--allow-read", "--allow-env", probe]]
      : [process.execPath, [probe]];
    const started = performance.now();
    const child = spawnSync(command, args, {
      encoding: "utf8",
      timeout: 15_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    const elapsed = performance.now() - started;
    assertEquals(child.stdout.trim().split("\n"), [
      "ready: true",
      "closed while waiting: false",
      "web stream read after fclose: The socket was closed",
      "done",
    ], child.stderr);
    assertStrictEquals(child.status, 0, child.stderr);
    assert(elapsed < 10_000, `the child exited after ${elapsed} ms`);
  });
});

void ([] as Socket[]);
