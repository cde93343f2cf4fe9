import { describe, test } from "node:test";
import {
  AF_INET,
  AF_INET6,
  MSG_OOB,
  SO_OOBINLINE,
  type Socket,
  socket_atmark,
  socket_close,
  SOCKET_EINVAL,
  SOCKET_ENOTTY,
  socket_last_error,
  socket_read,
  socket_select,
  socket_send,
  socket_set_option,
  socket_write,
  SOL_SOCKET,
  ValueError,
} from "../mod.ts";
import { platform } from "../platform/mod.ts";
import {
  captureWarnings,
  closeAll,
  localPair,
  needsUnix,
  phpWarning,
  tcpPair,
  udpPair,
  unixPair,
} from "./_helpers.ts";

const noAtmark = platform.os === "windows" ? "PHP has no socket_atmark() on Windows" : false;
import { assert, assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

describe("socket_select() over many descriptors", () => {
  test("2,000 socketpairs (descriptors far above 1023): readiness, order and timeouts", {
    skip: needsUnix,
  }, () => {
    const pairs: [Socket, Socket][] = [];
    try {
      for (let i = 0; i < 2000; i++) pairs.push(unixPair());
      const highest = Math.max(...pairs.map(([, b]) => b.unsafeHandle));
      assert(highest > 1023, `descriptors reach ${highest}`);

      // Nothing written: a 50 ms timeout passes and every set empties.
      let read = pairs.map(([, b]) => b);
      let started = performance.now();
      assertStrictEquals(socket_select(read, null, null, 0, 50000), 0);
      assert(performance.now() - started >= 45, "waited for the timeout");
      assertEquals(read.length, 0);

      // Every 100th pair gets data: exactly those are reported, in order.
      const chosen = pairs.filter((_, i) => i % 100 === 99);
      for (const [a] of chosen) socket_write(a, "x");
      read = pairs.map(([, b]) => b);
      started = performance.now();
      assertStrictEquals(socket_select(read, null, null, 5), chosen.length);
      assert(performance.now() - started < 1000, "did not wait once data was there");
      assertEquals(read, chosen.map(([, b]) => b));

      // All are writable; read and write sets count separately.
      read = pairs.map(([, b]) => b);
      const write = pairs.map(([a]) => a);
      assertStrictEquals(socket_select(read, write, null, 0), chosen.length + pairs.length);
      assertStrictEquals(write.length, pairs.length);
    } finally {
      for (const [a, b] of pairs) closeAll(a, b);
    }
  });
});

describe("socket_select() semantics", () => {
  test("null seconds waits until a socket is ready", () => {
    const [a, b] = localPair();
    socket_write(a, "now");
    const read = { peer: b };
    assertStrictEquals(socket_select(read, null, null, null), 1);
    assertEquals(Object.keys(read), ["peer"]);
    closeAll(a, b);
  });

  test("a peer closing makes the socket readable (end of file)", () => {
    const [a, b] = localPair();
    socket_close(a);
    const read = [b];
    assertStrictEquals(socket_select(read, null, null, 1), 1);
    assertStrictEquals(socket_read(b, 10), "");
    socket_close(b);
  });

  test("an object keeps its keys and drops the sockets that are not ready", () => {
    const [a, b] = localPair();
    const [c, d] = localPair();
    socket_write(c, "!");
    const read: Record<string, Socket> = { first: b, second: d, third: b };
    assertStrictEquals(socket_select(read, null, null, 0), 1);
    assertEquals(read, { second: d });
    closeAll(a, b, c, d);
  });

  test("microseconds above 999999 carry into seconds", () => {
    const [a, b] = localPair();
    const started = performance.now();
    assertStrictEquals(socket_select([b], null, null, 0, 1200000), 0);
    assert(performance.now() - started >= 1150, "waited about 1.2 s");
    closeAll(a, b);
  });

  test("a negative timeout fails with EINVAL and leaves the sets alone", () => {
    const [a, b] = localPair();
    const read = [b];
    const { result, warnings } = captureWarnings(() => socket_select(read, null, null, -1));
    assertStrictEquals(result, false);
    assertEquals(warnings, [phpWarning("socket_select", "Unable to select", SOCKET_EINVAL)]);
    assertEquals(read, [b]);
    closeAll(a, b);
  });

  test("no socket in any set is a ValueError; a closed socket is a TypeError", () => {
    const [a, b] = localPair();
    assertThrows(
      () => socket_select([], null, [], 0),
      ValueError,
      "socket_select(): At least one array argument must be passed",
    );
    socket_close(a);
    assertThrows(
      () => socket_select([b], [a], null, 0),
      TypeError,
      "socket_select(): Argument #2 ($write) contains a closed socket",
    );
    socket_close(b);
  });

  for (const family of [AF_INET, AF_INET6]) {
    test(`out-of-band data shows in the except set (${family === AF_INET ? "IPv4" : "IPv6"})`, () => {
      const [client, server] = tcpPair(family);
      assertStrictEquals(socket_select(null, null, [server], 0), 0);
      socket_send(client, "!", 1, MSG_OOB);
      const except = [server];
      assertStrictEquals(socket_select(null, null, except, 1), 1);
      assertEquals(except, [server]);
      closeAll(client, server);
    });
  }
});

describe("socket_atmark()", { skip: noAtmark }, () => {
  test("reports the out-of-band mark as data is read past it (SO_OOBINLINE)", () => {
    const [client, server] = tcpPair(AF_INET);
    socket_set_option(server, SOL_SOCKET, SO_OOBINLINE, 1);
    socket_write(client, "a");
    socket_send(client, "b", 1, MSG_OOB);
    socket_write(client, "c");
    // Wait until the urgent byte has arrived.
    assertStrictEquals(socket_select(null, null, [server], 1), 1);
    assertStrictEquals(socket_atmark(server), false);
    assertStrictEquals(socket_read(server, 1), "a");
    assertStrictEquals(socket_atmark(server), true);
    assertStrictEquals(socket_read(server, 1), "b");
    assertStrictEquals(socket_atmark(server), false);
    closeAll(client, server);
  });

  test("fails with PHP's warning and error code on a UDP socket", () => {
    const [a, b] = udpPair(AF_INET);
    const { result, warnings } = captureWarnings(() => socket_atmark(a));
    assertStrictEquals(result, false);
    assertEquals(warnings, [
      phpWarning("socket_atmark", "Unable to apply sockmark", SOCKET_ENOTTY),
    ]);
    assertStrictEquals(socket_last_error(a), SOCKET_ENOTTY);
    closeAll(a, b);
  });
});

test("socket_atmark() throws on Windows, where PHP does not define it", {
  skip: platform.os === "windows" ? false : "not Windows",
}, () => {
  const [a, b] = localPair();
  assertThrows(() => socket_atmark(a), Error, "socket_atmark() is not available on windows");
  closeAll(a, b);
});
