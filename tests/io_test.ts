import { describe, test } from "node:test";
import {
  AF_INET,
  MSG_TRUNC,
  PHP_BINARY_READ,
  PHP_NORMAL_READ,
  SOCK_DGRAM,
  SOCK_STREAM,
  socket_close,
  socket_connect,
  socket_create,
  SOCKET_EAGAIN,
  SOCKET_EINPROGRESS,
  SOCKET_EWOULDBLOCK,
  socket_last_error,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_set_block,
  socket_set_nonblock,
  socket_write,
  ValueError,
} from "../mod.ts";
import {
  captureWarnings,
  closeAll,
  linuxOnly,
  localPair,
  ok,
  portOf,
  tcpListener,
  tcpPair,
} from "./_helpers.ts";
import { assert, assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

/** AF_UNIX pairs where the platform has them, loopback pairs elsewhere. */
const pair = localPair;

describe("socket_read() in PHP_NORMAL_READ mode", () => {
  test("stops after the first \\r or \\n and includes it", () => {
    const [a, b] = pair();
    try {
      socket_write(a, "ab\r\ncd\nef\0gh\n");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "ab\r");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "\n");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "cd\n");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "ef\0gh\n");
    } finally {
      closeAll(a, b);
    }
  });

  test("on a datagram socket each byte read consumes a whole datagram, as in PHP", {
    // Winsock fails a short datagram read with WSAEMSGSIZE (PHP warns there).
    skip: linuxOnly("silent datagram truncation"),
  }, () => {
    const [a, b] = pair(SOCK_DGRAM);
    try {
      for (const d of ["ab\n", "c\n", "\n", "zz"]) socket_write(a, d);
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "ac\n");
      assertStrictEquals(socket_read(b, 100, PHP_BINARY_READ), "zz");
    } finally {
      closeAll(a, b);
    }
  });

  test("reads long lines whole and keeps what follows, over TCP too", () => {
    const [a, b] = tcpPair(AF_INET);
    try {
      const long = "y".repeat(70_000);
      socket_write(a, `${long}\nnext\rrest`);
      let line = "";
      while (!line.endsWith("\n")) line += socket_read(b, 100_000, PHP_NORMAL_READ);
      assertStrictEquals(line, `${long}\n`);
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "next\r");
      assertStrictEquals(socket_read(b, 4, PHP_BINARY_READ), "rest");
    } finally {
      closeAll(a, b);
    }
  });

  test("returns exactly length bytes when no terminator comes first", () => {
    const [a, b] = pair();
    try {
      socket_write(a, "abcdefgh\n");
      assertStrictEquals(socket_read(b, 3, PHP_NORMAL_READ), "abc");
      assertStrictEquals(socket_read(b, 3, PHP_NORMAL_READ), "def");
      assertStrictEquals(socket_read(b, 3, PHP_NORMAL_READ), "gh\n");
    } finally {
      closeAll(a, b);
    }
  });

  test("does not consume bytes past the line", () => {
    const [a, b] = pair();
    try {
      socket_write(a, "line\nrest");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "line\n");
      assertStrictEquals(socket_read(b, 100, PHP_BINARY_READ), "rest");
    } finally {
      closeAll(a, b);
    }
  });

  test("returns a partial line followed by end of file as it is, then \"\" (fixed PHP)", () => {
    const [a, b] = pair();
    try {
      socket_write(a, "tail");
      socket_close(a);
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "tail");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "");
    } finally {
      closeAll(a, b);
    }
  });

  test("never spins on a non-blocking socket: partial data, then false with EAGAIN (fixed PHP)", () => {
    const [a, b] = pair();
    try {
      socket_set_nonblock(b);
      socket_write(a, "part");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "part");
      const { result, warnings } = captureWarnings(() => socket_read(b, 100, PHP_NORMAL_READ));
      assertStrictEquals(result, false);
      assertEquals(warnings, []);
      assertStrictEquals(socket_last_error(b), SOCKET_EAGAIN);
      socket_write(a, "more\n");
      assertStrictEquals(socket_read(b, 100, PHP_NORMAL_READ), "more\n");
    } finally {
      closeAll(a, b);
    }
  });
});

describe("lengths", () => {
  test("socket_read() with length <= 0 returns false without a warning or error code", () => {
    const [a, b] = pair();
    try {
      const { result, warnings } = captureWarnings(() => [socket_read(b, 0), socket_read(b, -5)]);
      assertEquals(result, [false, false]);
      assertEquals(warnings, []);
      assertStrictEquals(socket_last_error(b), 0);
    } finally {
      closeAll(a, b);
    }
  });

  test("socket_recv() with length <= 0 returns false and leaves data untouched", () => {
    const [a, b] = pair();
    try {
      const data = { value: "keep" as string | null };
      assertStrictEquals(socket_recv(b, data, 0, 0), false);
      assertStrictEquals(data.value, "keep");
    } finally {
      closeAll(a, b);
    }
  });

  test("length PHP_INT_MAX returns false at once, as PHP since GH-17921 (no read, no warning)", () => {
    const PHP_INT_MAX = 9223372036854775807n; // a JS number rounds it to 2 ** 63
    const [a, b] = pair(SOCK_DGRAM);
    const udp = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      socket_set_nonblock(b); // without the check, the reads below would not hang but differ
      socket_set_nonblock(udp);
      socket_write(a, "queued");
      const data = { value: "keep" as string | null };
      const got = { value: "keep" };
      const from = { value: "keep" };
      const { result, warnings } = captureWarnings(() => [
        socket_read(b, Number(PHP_INT_MAX)),
        socket_read(b, PHP_INT_MAX as unknown as number, PHP_NORMAL_READ),
        socket_recv(b, data, 2 ** 63, 0),
        socket_recvfrom(b, got, 2 ** 64, 0, from),
        socket_recvfrom(udp, got, 2 ** 63, 0, from), // before the missing port is noticed
      ]);
      assertEquals(result, [false, false, false, false, false]);
      assertEquals(warnings, []);
      assertEquals([data.value, got.value, from.value], ["keep", "keep", "keep"]);
      assertStrictEquals(socket_last_error(b), 0);
      assertStrictEquals(socket_read(b, 100), "queued");
    } finally {
      closeAll(a, b, udp);
    }
  });

  test("socket_write() writes min(length, data) bytes and 0 for length 0", () => {
    const [a, b] = pair();
    try {
      assertStrictEquals(socket_write(a, "abcdef", 3), 3);
      assertStrictEquals(socket_write(a, "xy", 100), 2);
      assertStrictEquals(socket_write(a, "zz", 0), 0);
      assertStrictEquals(socket_read(b, 100), "abcxy");
    } finally {
      closeAll(a, b);
    }
  });

  test("negative lengths throw PHP's ValueError", () => {
    const [a, b] = pair();
    try {
      assertThrows(
        () => socket_write(a, "x", -1),
        ValueError,
        "socket_write(): Argument #3 ($length) must be greater than or equal to 0",
      );
      assertThrows(
        () => socket_send(a, "x", -1, 0),
        ValueError,
        "socket_send(): Argument #3 ($length) must be greater than or equal to 0",
      );
    } finally {
      closeAll(a, b);
    }
  });

  test("socket_recvfrom() on AF_INET without a port throws ArgumentCountError before any I/O", () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      const err = assertThrows(
        () => socket_recvfrom(s, { value: "" }, 10, 0, { value: "" }),
        TypeError,
        "Wrong parameter count for socket_recvfrom()",
      );
      assertStrictEquals(err.name, "ArgumentCountError");
    } finally {
      socket_close(s);
    }
  });
});

describe("MSG_TRUNC", () => {
  const truncFlag = linuxOnly("MSG_TRUNC as a receive flag");
  test("on a datagram socket it returns the full length but only the bytes received", {
    skip: truncFlag,
  }, () => {
    const [a, b] = pair(SOCK_DGRAM);
    try {
      socket_write(a, "X".repeat(100));
      assertStrictEquals(socket_read(b, 100), "X".repeat(100)); // leaves X in any reused buffer
      socket_write(a, "0123456789");
      const data = { value: null as string | null };
      assertStrictEquals(socket_recv(b, data, 4, MSG_TRUNC), 10);
      assertStrictEquals(data.value, "0123");
    } finally {
      closeAll(a, b);
    }
  });

  test(
    "on a stream socket it returns the bytes discarded and no data, never another read's bytes",
    {
      skip: truncFlag,
    },
    () => {
      const [a, b] = tcpPair(AF_INET);
      const [c, d] = localPair();
      try {
        socket_write(c, "SECRET");
        assertStrictEquals(socket_read(d, 100), "SECRET"); // leaves SECRET in any reused buffer
        socket_write(a, "public");
        const data = { value: null as string | null };
        assertStrictEquals(socket_recv(b, data, 100, MSG_TRUNC), 6); // loopback delivers a write at once
        assertStrictEquals(data.value, "");
      } finally {
        closeAll(a, b, c, d);
      }
    },
  );
});

describe("non-blocking mode", () => {
  test("recv with nothing queued returns false without a warning and stores EAGAIN", () => {
    const [a, b] = pair(SOCK_DGRAM);
    try {
      socket_set_nonblock(b);
      const data = { value: "x" as string | null };
      const { result, warnings } = captureWarnings(() => socket_recv(b, data, 10, 0));
      assertStrictEquals(result, false);
      assertEquals(warnings, []);
      assertStrictEquals(data.value, null);
      assertStrictEquals(socket_last_error(b), SOCKET_EAGAIN);
    } finally {
      closeAll(a, b);
    }
  });

  test("connect returns false with EINPROGRESS and no warning, then completes", () => {
    const server = tcpListener(AF_INET);
    const client = ok(socket_create(AF_INET, SOCK_STREAM, 0));
    try {
      assert(socket_set_nonblock(client));
      const { result, warnings } = captureWarnings(() =>
        socket_connect(client, "127.0.0.1", portOf(server))
      );
      // Loopback may complete at once; either way no warning.
      assertEquals(warnings, []);
      // POSIX says EINPROGRESS, Winsock WSAEWOULDBLOCK (PHP's SOCKET_EWOULDBLOCK there).
      if (result === false) {
        assert([SOCKET_EINPROGRESS, SOCKET_EWOULDBLOCK].includes(socket_last_error(client)));
      }
      assert(socket_set_block(client));
      assertStrictEquals(socket_write(client, "done"), 4);
    } finally {
      closeAll(server, client);
    }
  });

  test("socket_set_block() makes a socket wait again", () => {
    const [a, b] = pair();
    try {
      socket_set_nonblock(b);
      assertStrictEquals(captureWarnings(() => socket_read(b, 10)).result, false);
      socket_set_block(b);
      socket_write(a, "ready");
      assertStrictEquals(socket_read(b, 10), "ready");
    } finally {
      closeAll(a, b);
    }
  });
});
