/**
 * The PHP 4 scatter/gather API: socket_iovec_* on an Iovec handle, and
 * socket_readv/socket_writev round trips of several buffers.
 *
 * @module
 */

import { describe, test } from "node:test";
import {
  AF_INET,
  ArgumentCountError,
  Iovec,
  SOCK_DGRAM,
  SOCK_STREAM,
  socket_close,
  SOCKET_EAGAIN,
  SOCKET_EPIPE,
  socket_iovec_add,
  socket_iovec_alloc,
  socket_iovec_delete,
  socket_iovec_fetch,
  socket_iovec_free,
  socket_iovec_set,
  socket_last_error,
  socket_read,
  socket_readv,
  socket_send,
  socket_set_nonblock,
  socket_write,
  socket_writev,
  stringToBytes,
  ValueError,
} from "../mod.ts";
import { platform, sys } from "../platform/mod.ts";
import {
  ALL_BYTES,
  captureWarnings,
  closeAll,
  localPair,
  phpWarning,
  tcpPair,
  unixPair,
} from "./_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertThrows } from "./assert.ts";

/** Every vector of an Iovec, fetched. */
function contents(iov: Iovec, count: number): string[] {
  return Array.from({ length: count }, (_, i) => socket_iovec_fetch(iov, i));
}

// deno-lint-ignore no-explicit-any
const loose = <T>(fn: T) => fn as unknown as (...args: any[]) => unknown;

/** `skip` for the readv/writev tests: Windows has neither. */
const vectorIo: string | false = sys().readv && sys().writev
  ? false
  : `${platform.os} has no readv()/writev()`;

describe("Iovec handles", () => {
  test("socket_iovec_alloc() makes zero-filled vectors of the given sizes", () => {
    const iov = socket_iovec_alloc(3, 2, 0, 4);
    assert(iov instanceof Iovec);
    assertEquals(contents(iov, 3), ["\0\0", "", "\0\0\0\0"]);
    assert(socket_iovec_free(iov));
  });

  test("socket_iovec_add/delete/set/fetch edit the list of vectors", () => {
    const iov = socket_iovec_alloc(1, 1);
    assert(socket_iovec_add(iov, 3));
    assert(socket_iovec_set(iov, 0, "first"));
    assert(socket_iovec_set(iov, 1, stringToBytes("\0bin\0")));
    assert(socket_iovec_add(iov, 0));
    assertEquals(contents(iov, 3), ["first", "\0bin\0", ""]);
    assert(socket_iovec_delete(iov, 0));
    assertEquals(contents(iov, 2), ["\0bin\0", ""]);
    assert(socket_iovec_delete(iov, 1));
    assertEquals(contents(iov, 1), ["\0bin\0"]);
    socket_iovec_free(iov);
  });

  test("socket_iovec_set() copies its value", () => {
    const iov = socket_iovec_alloc(1, 0);
    const bytes = new Uint8Array([1, 2, 3]);
    socket_iovec_set(iov, 0, bytes);
    bytes[0] = 9;
    assertStrictEquals(socket_iovec_fetch(iov, 0), "\x01\x02\x03");
  });

  test("a position outside the vectors is a ValueError", () => {
    const iov = socket_iovec_alloc(2, 1, 1);
    assertThrows(
      () => socket_iovec_fetch(iov, 2),
      ValueError,
      "socket_iovec_fetch(): Argument #2 ($iovec_position) must be less than the number of vectors (2)",
    );
    assertThrows(
      () => socket_iovec_set(iov, -1, "x"),
      ValueError,
      "socket_iovec_set(): Argument #2 ($iovec_position) must be greater than or equal to 0",
    );
    assertThrows(
      () => socket_iovec_delete(iov, 5),
      ValueError,
      "socket_iovec_delete(): Argument #2 ($iov_pos) must be less than the number of vectors (2)",
    );
    assertEquals(contents(iov, 2), ["\0", "\0"]);
  });

  test("bad sizes and counts are errors", () => {
    assertThrows(
      () => socket_iovec_alloc(-1),
      ValueError,
      "socket_iovec_alloc(): Argument #1 ($num_vectors) must be greater than or equal to 0",
    );
    assertThrows(
      () => socket_iovec_alloc(2, 1),
      ArgumentCountError,
      "socket_iovec_alloc() expects exactly 3 arguments for 2 vectors, 2 given",
    );
    assertThrows(
      () => socket_iovec_alloc(1, -5),
      ValueError,
      "socket_iovec_alloc(): Argument #2 ($sizes) must be between 0 and 1073741824",
    );
    assertThrows(
      () => socket_iovec_add(socket_iovec_alloc(0), 2 ** 31),
      ValueError,
      "socket_iovec_add(): Argument #2 ($iov_len) must be between 0 and 1073741824",
    );
    assertThrows(() => loose(socket_iovec_alloc)(), ArgumentCountError);
    assertThrows(
      () => loose(socket_iovec_alloc)(1, "8"),
      TypeError,
      "socket_iovec_alloc(): Argument #2 ($sizes) must be of type int, string given",
    );
  });

  test("a freed Iovec cannot be used again", () => {
    const iov = socket_iovec_alloc(1, 4);
    assert(socket_iovec_free(iov));
    for (
      const [fn, call] of [
        ["socket_iovec_fetch", () => socket_iovec_fetch(iov, 0)],
        ["socket_iovec_set", () => socket_iovec_set(iov, 0, "x")],
        ["socket_iovec_add", () => socket_iovec_add(iov, 1)],
        ["socket_iovec_delete", () => socket_iovec_delete(iov, 0)],
        ["socket_iovec_free", () => socket_iovec_free(iov)],
      ] as const
    ) {
      assertThrows(call, Error, `${fn}(): Argument #1 ($iovec) has already been freed`);
    }
    const [a, b] = localPair();
    assertThrows(
      () => socket_readv(a, iov),
      Error,
      "socket_readv(): Argument #2 ($iovec) has already been freed",
    );
    assertThrows(
      () => socket_writev(a, iov),
      Error,
      "socket_writev(): Argument #2 ($iovec) has already been freed",
    );
    closeAll(a, b);
  });

  test("Iovec cannot be constructed, and wrong types are TypeErrors", () => {
    assertThrows(
      () => new Iovec(),
      Error,
      "Cannot directly construct Iovec, use socket_iovec_alloc() instead",
    );
    assertThrows(
      () => loose(socket_iovec_fetch)("iov", 0),
      TypeError,
      "socket_iovec_fetch(): Argument #1 ($iovec) must be of type Iovec, string given",
    );
    const [a, b] = localPair();
    assertThrows(
      () => loose(socket_readv)(a, {}),
      TypeError,
      "socket_readv(): Argument #2 ($iovec) must be of type Iovec, array given",
    );
    assertThrows(
      () => loose(socket_writev)(socket_iovec_alloc(0), a),
      TypeError,
      "socket_writev(): Argument #1 ($socket) must be of type Socket, Iovec given",
    );
    closeAll(a, b);
  });
});

describe("socket_readv / socket_writev", { skip: vectorIo }, () => {
  test("socket_writev() sends several buffers in order with one call", () => {
    const [a, b] = tcpPair(AF_INET);
    const iov = socket_iovec_alloc(3, 0, 0, 0);
    socket_iovec_set(iov, 0, "GET / ");
    socket_iovec_set(iov, 1, "HTTP/1.0\r\n");
    socket_iovec_set(iov, 2, ALL_BYTES);
    assert(socket_writev(a, iov));
    let got = "";
    while (got.length < 16 + 256) got += socket_read(b, 1000) || "";
    assertStrictEquals(got, "GET / HTTP/1.0\r\n" + ALL_BYTES);
    closeAll(a, b);
  });

  test("socket_readv() scatters one read over several buffers", () => {
    const [a, b] = unixPair(SOCK_STREAM);
    socket_write(a, "headbody!tail");
    const iov = socket_iovec_alloc(3, 4, 5, 4);
    assert(socket_readv(b, iov));
    assertEquals(contents(iov, 3), ["head", "body!", "tail"]);
    // A short read fills the first buffers and leaves the rest as they were.
    socket_write(a, "xyz");
    assert(socket_readv(b, iov));
    assertEquals(contents(iov, 3), ["xyzd", "body!", "tail"]);
    closeAll(a, b);
  });

  test("a datagram is split over the buffers, the excess dropped", () => {
    const [a, b] = unixPair(SOCK_DGRAM);
    socket_send(a, "0123456789", 10, 0);
    socket_send(a, "next", 4, 0);
    const iov = socket_iovec_alloc(2, 3, 3);
    assert(socket_readv(b, iov));
    assertEquals(contents(iov, 2), ["012", "345"]);
    assert(socket_readv(b, iov));
    assertEquals(contents(iov, 2), ["nex", "t45"]);
    closeAll(a, b);
  });

  test("writev then readv round-trips several buffers over a socket pair", () => {
    const [a, b] = unixPair(SOCK_STREAM);
    const sizes = [1, 7, 64, 1000, 3];
    const out = socket_iovec_alloc(sizes.length, ...sizes.map(() => 0));
    const parts = sizes.map((n, i) => String.fromCharCode(65 + i).repeat(n));
    parts.forEach((p, i) => socket_iovec_set(out, i, p));
    assert(socket_writev(a, out));
    const into = socket_iovec_alloc(sizes.length, ...sizes);
    assert(socket_readv(b, into));
    assertEquals(contents(into, sizes.length), parts);
    closeAll(a, b);
  });

  test("socket_readv() at end of file is true and changes nothing", () => {
    const [a, b] = unixPair(SOCK_STREAM);
    socket_close(a);
    const iov = socket_iovec_alloc(1, 2);
    socket_iovec_set(iov, 0, "kept");
    assert(socket_readv(b, iov));
    assertStrictEquals(socket_iovec_fetch(iov, 0), "kept");
    socket_close(b);
  });

  test("failures: EAGAIN is silent, EPIPE warns, a closed socket throws", () => {
    const [a, b] = unixPair(SOCK_STREAM);
    socket_set_nonblock(b);
    const iov = socket_iovec_alloc(1, 8);
    const empty = captureWarnings(() => socket_readv(b, iov));
    assertEquals([empty.result, empty.warnings, socket_last_error(b)], [false, [], SOCKET_EAGAIN]);
    socket_close(b);
    const broken = captureWarnings(() => socket_writev(a, iov));
    assertFalse(broken.result);
    assertEquals(broken.warnings, [
      phpWarning("socket_writev", "Unable to write to socket", SOCKET_EPIPE),
    ]);
    assertStrictEquals(socket_last_error(a), SOCKET_EPIPE);
    socket_close(a);
    assertThrows(
      () => socket_readv(a, iov),
      Error,
      "socket_readv(): Argument #1 ($socket) has already been closed",
    );
    assertThrows(
      () => socket_writev(a, iov),
      Error,
      "socket_writev(): Argument #1 ($socket) has already been closed",
    );
  });
});

test("socket_readv()/socket_writev() throw where the platform has no readv()/writev()", {
  skip: vectorIo ? false : `${platform.os} has readv() and writev()`,
}, () => {
  const [a, b] = localPair();
  const iov = socket_iovec_alloc(1, 4);
  assertThrows(
    () => socket_readv(a, iov),
    Error,
    `socket_readv() is not available on ${platform.os}`,
  );
  assertThrows(
    () => socket_writev(a, iov),
    Error,
    `socket_writev() is not available on ${platform.os}`,
  );
  closeAll(a, b);
});
