/**
 * AF_UNIX sockets: SOCK_STREAM, SOCK_DGRAM and SOCK_SEQPACKET over file-system
 * paths and Linux abstract names, socket_create_pair, datagram boundaries and
 * the AF_UNIX failure paths (messages checked against PHP 8.2 on Linux).
 *
 * @module
 */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  AF_INET,
  AF_UNIX,
  MSG_DONTWAIT,
  MSG_TRUNC,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_connect,
  socket_create,
  socket_create_pair,
  SOCKET_EADDRINUSE,
  SOCKET_EAGAIN,
  SOCKET_EINVAL,
  SOCKET_ENOENT,
  SOCKET_EOPNOTSUPP,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_sendto,
  socket_write,
  ValueError,
} from "../mod.ts";
import { ALL_BYTES, captureWarnings, closeAll, needsUnix, ok, tempDir } from "./_helpers.ts";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertThrows } from "./assert.ts";

const TYPES: [string, number][] = [
  ["SOCK_STREAM", SOCK_STREAM],
  ["SOCK_DGRAM", SOCK_DGRAM],
  ["SOCK_SEQPACKET", SOCK_SEQPACKET],
];
/** The connection-oriented types. */
const CONNECTED = TYPES.filter(([, type]) => type !== SOCK_DGRAM);

/** Runs `fn` with a fresh temp dir and the sockets it registers, cleaning both up. */
function withDir(fn: (dir: string, keep: (s: Socket | false) => Socket) => void): void {
  const dir = tempDir();
  const open: Socket[] = [];
  try {
    fn(dir.path, (s) => {
      const socket = ok(s);
      open.push(socket);
      return socket;
    });
  } finally {
    closeAll(...open);
    dir.cleanup();
  }
}

/** A connected pair of `type` over `address` (a path or an abstract name): [client, accepted]. */
function connectedPair(
  type: number,
  address: string,
  keep: (s: Socket | false) => Socket,
): [Socket, Socket, Socket] {
  const server = keep(socket_create(AF_UNIX, type, 0));
  assert(socket_bind(server, address));
  assert(socket_listen(server, 4));
  const client = keep(socket_create(AF_UNIX, type, 0));
  assert(socket_connect(client, address));
  const accepted = keep(socket_accept(server));
  return [server, client, accepted];
}

function names(socket: Socket): { sock: string; peer: string; port: number } {
  const sock = { value: "unset" };
  const peer = { value: "unset" };
  const port = { value: 42 };
  assert(socket_getsockname(socket, sock, port));
  assert(socket_getpeername(socket, peer, port));
  return { sock: sock.value, peer: peer.value, port: port.value };
}

describe("AF_UNIX over file-system paths", () => {
  for (const [name, type] of CONNECTED) {
    test(`${name}: bind/listen/connect/accept over a path carries bytes both ways`, {
      skip: needsUnix,
    }, () => {
      withDir((dir, keep) => {
        const path = join(dir, "srv.sock");
        const [server, client, accepted] = connectedPair(type, path, keep);
        assert(existsSync(path));
        assertStrictEquals(socket_write(client, "ping"), 4);
        assertStrictEquals(socket_read(accepted, 100), "ping");
        assertStrictEquals(socket_write(accepted, "pong!"), 5);
        assertStrictEquals(socket_read(client, 100), "pong!");
        const sock = { value: "" };
        assert(socket_getsockname(server, sock));
        assertStrictEquals(sock.value, path);
      });
    });
  }

  test(
    "socket_getsockname/getpeername report the path, \"\" for the unbound client, and leave $port alone",
    { skip: needsUnix },
    () => {
      withDir((dir, keep) => {
        const path = join(dir, "names.sock");
        const [, client, accepted] = connectedPair(SOCK_STREAM, path, keep);
        assertEquals(names(accepted), { sock: path, peer: "", port: 42 });
        assertEquals(names(client), { sock: "", peer: path, port: 42 });
      });
    },
  );

  test(
    "socket_sendto/socket_recvfrom between two bound SOCK_DGRAM sockets report the sender's path",
    { skip: needsUnix },
    () => {
      withDir((dir, keep) => {
        const pathA = join(dir, "a.sock");
        const pathB = join(dir, "b.sock");
        const a = keep(socket_create(AF_UNIX, SOCK_DGRAM, 0));
        const b = keep(socket_create(AF_UNIX, SOCK_DGRAM, 0));
        assert(socket_bind(a, pathA));
        assert(socket_bind(b, pathB));
        assertStrictEquals(socket_sendto(a, "from a\0!", 8, 0, pathB), 8);
        const data = { value: "" };
        const from = { value: "" };
        const port = { value: 42 };
        assertStrictEquals(socket_recvfrom(b, data, 100, 0, from, port), 8);
        assertEquals([data.value, from.value, port.value], ["from a\0!", pathA, 42]);
        assertStrictEquals(socket_sendto(b, new Uint8Array([1, 2, 255]), 3, 0, pathA), 3);
        assertStrictEquals(socket_recvfrom(a, data, 100, 0, from), 3);
        assertEquals([data.value, from.value], ["\x01\x02\xff", pathB]);
      });
    },
  );

  test("socket_recvfrom reports \"\" for an unbound sender", { skip: needsUnix }, () => {
    withDir((dir, keep) => {
      const path = join(dir, "rx.sock");
      const rx = keep(socket_create(AF_UNIX, SOCK_DGRAM, 0));
      const tx = keep(socket_create(AF_UNIX, SOCK_DGRAM, 0));
      assert(socket_bind(rx, path));
      assertStrictEquals(socket_sendto(tx, "x", 1, 0, path), 1);
      const data = { value: "" };
      const from = { value: "unset" };
      assertStrictEquals(socket_recvfrom(rx, data, 10, 0, from), 1);
      assertEquals([data.value, from.value], ["x", ""]);
    });
  });
});

describe("Linux abstract names", () => {
  for (const [name, type] of CONNECTED) {
    test(`${name}: bind and connect to "\\0name"; socket_getsockname returns ""`, {
      skip: needsUnix,
    }, () => {
      withDir((_dir, keep) => {
        const abstract = `\0php-sockets-test-${type}-${Math.random().toString(36).slice(2)}`;
        const [server, client, accepted] = connectedPair(type, abstract, keep);
        assertStrictEquals(socket_write(client, "abstract"), 8);
        assertStrictEquals(socket_read(accepted, 100), "abstract");
        const sock = { value: "unset" };
        const port = { value: 42 };
        assert(socket_getsockname(server, sock, port));
        assertEquals([sock.value, port.value], ["", 42]);
        const peer = { value: "unset" };
        assert(socket_getpeername(client, peer));
        assertStrictEquals(peer.value, "");
      });
    });
  }
});

describe("socket_create_pair(AF_UNIX, ...)", () => {
  for (const [name, type] of TYPES) {
    test(`${name}: all 256 byte values round-trip both ways, as byte string and Uint8Array`, {
      skip: needsUnix,
    }, () => {
      const pair: Socket[] = [];
      assert(socket_create_pair(AF_UNIX, type, 0, pair));
      try {
        assertStrictEquals(pair.length, 2);
        assertStrictEquals(socket_write(pair[0], ALL_BYTES), 256);
        assertStrictEquals(socket_read(pair[1], 1024), ALL_BYTES);
        const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
        assertStrictEquals(socket_send(pair[1], bytes, 256, 0), 256);
        const got = { value: null as string | null };
        assertStrictEquals(socket_recv(pair[0], got, 1024, 0), 256);
        assertStrictEquals(got.value, ALL_BYTES.split("").reverse().join(""));
      } finally {
        closeAll(...pair);
      }
    });
  }

  for (const [name, type] of TYPES.slice(1)) {
    test(`${name}: datagram boundaries are kept and a longer one is truncated to the length`, {
      skip: needsUnix,
    }, () => {
      const pair: Socket[] = [];
      assert(socket_create_pair(AF_UNIX, type, 0, pair));
      try {
        socket_write(pair[0], "one");
        socket_write(pair[0], "two");
        socket_write(pair[0], "abcdefgh");
        socket_write(pair[0], "next");
        const got = { value: null as string | null };
        assertStrictEquals(socket_recv(pair[1], got, 100, 0), 3);
        assertStrictEquals(got.value, "one");
        assertStrictEquals(socket_read(pair[1], 100), "two");
        assertStrictEquals(socket_recv(pair[1], got, 3, 0), 3);
        assertStrictEquals(got.value, "abc");
        assertStrictEquals(socket_recv(pair[1], got, 100, 0), 4, "the rest was discarded");
        assertStrictEquals(got.value, "next");
        assertFalse(socket_recv(pair[1], got, 100, MSG_DONTWAIT));
        assertStrictEquals(socket_last_error(pair[1]), SOCKET_EAGAIN);
      } finally {
        closeAll(...pair);
      }
    });
  }

  /** A DGRAM pair whose receiving side has just read 64 other bytes (left in any scratch buffer). */
  function primedPair(): Socket[] {
    const pair: Socket[] = [];
    assert(socket_create_pair(AF_UNIX, SOCK_DGRAM, 0, pair));
    socket_write(pair[0], "Z".repeat(64));
    assertStrictEquals(socket_read(pair[1], 100), "Z".repeat(64));
    return pair;
  }

  test("socket_recv() with MSG_TRUNC returns the real length but only the bytes received", {
    skip: needsUnix,
  }, () => {
    const pair = primedPair();
    try {
      socket_write(pair[0], "abcdefgh");
      const got = { value: null as string | null };
      assertStrictEquals(socket_recv(pair[1], got, 3, MSG_TRUNC), 8);
      assertStrictEquals(got.value, "abc");
    } finally {
      closeAll(...pair);
    }
  });

  test("socket_recvfrom() with MSG_TRUNC returns the real length but only the bytes received", {
    skip: needsUnix,
  }, () => {
    const pair = primedPair();
    try {
      socket_write(pair[0], "ijklmnop");
      const data = { value: "" };
      const from = { value: "" };
      assertStrictEquals(socket_recvfrom(pair[1], data, 2, MSG_TRUNC, from), 8);
      assertStrictEquals(data.value, "ij");
    } finally {
      closeAll(...pair);
    }
  });

  test(
    "socket_create_pair(AF_INET) fails with [95] Operation not supported and leaves $pair untouched",
    { skip: needsUnix },
    () => {
      const pair: unknown[] = ["x"];
      const { result, warnings } = captureWarnings(() =>
        socket_create_pair(AF_INET, SOCK_STREAM, 0, pair)
      );
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        "socket_create_pair(): Unable to create socket pair [95]: Operation not supported",
      ]);
      assertEquals(pair, ["x"]);
      assertStrictEquals(socket_last_error(), SOCKET_EOPNOTSUPP);
    },
  );
});

describe("AF_UNIX failures", () => {
  test("socket_bind/socket_connect throw ValueError for a path of 108 bytes or more", {
    skip: needsUnix,
  }, () => {
    withDir((dir, keep) => {
      const s = keep(socket_create(AF_UNIX, SOCK_STREAM, 0));
      for (const length of [108, 200]) {
        assertThrows(
          () => socket_bind(s, "/".repeat(length)),
          ValueError,
          "socket_bind(): Argument #2 ($address) must be less than 108",
        );
        assertThrows(
          () => socket_connect(s, "/".repeat(length)),
          ValueError,
          "socket_connect(): Argument #2 ($address) must be less than 108",
        );
      }
      const longest = join(dir, "p".repeat(107 - dir.length - 1));
      assertStrictEquals(longest.length, 107);
      assert(socket_bind(s, longest), "a 107-byte path is accepted");
      const sock = { value: "" };
      assert(socket_getsockname(s, sock));
      assertStrictEquals(sock.value, longest);
    });
  });

  test("socket_connect() to a missing path fails with [2] No such file or directory", {
    skip: needsUnix,
  }, () => {
    withDir((dir, keep) => {
      const s = keep(socket_create(AF_UNIX, SOCK_STREAM, 0));
      const { result, warnings } = captureWarnings(() => socket_connect(s, join(dir, "missing")));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        "socket_connect(): unable to connect [2]: No such file or directory",
      ]);
      assertStrictEquals(socket_last_error(s), SOCKET_ENOENT);
      assertStrictEquals(socket_last_error(), 2);
    });
  });

  test(
    "socket_bind() fails with SOCKET_EADDRINUSE when the path exists",
    { skip: needsUnix },
    () => {
      withDir((dir, keep) => {
        const path = join(dir, "taken.sock");
        assert(socket_bind(keep(socket_create(AF_UNIX, SOCK_STREAM, 0)), path));
        const s = keep(socket_create(AF_UNIX, SOCK_STREAM, 0));
        const { result, warnings } = captureWarnings(() => socket_bind(s, path));
        assertStrictEquals(result, false);
        assertEquals(warnings, [
          "socket_bind(): Unable to bind address [98]: Address already in use",
        ]);
        assertStrictEquals(socket_last_error(s), SOCKET_EADDRINUSE);
      });
    },
  );

  test("socket_listen() on an unbound AF_UNIX stream socket fails with [22] Invalid argument", {
    skip: needsUnix,
  }, () => {
    withDir((_dir, keep) => {
      const s = keep(socket_create(AF_UNIX, SOCK_STREAM, 0));
      const { result, warnings } = captureWarnings(() => socket_listen(s));
      assertStrictEquals(result, false);
      assertEquals(warnings, [
        "socket_listen(): unable to listen on socket [22]: Invalid argument",
      ]);
      assertStrictEquals(socket_last_error(s), SOCKET_EINVAL);
    });
  });
});
