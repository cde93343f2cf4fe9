import process from "node:process";
import { describe, test } from "node:test";
import {
  AF_INET,
  AF_INET6,
  MSG_OOB,
  MSG_PEEK,
  MSG_WAITALL,
  SOCK_DGRAM,
  SOCK_STREAM,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  SOCKET_EADDRINUSE,
  SOCKET_ECONNREFUSED,
  SOCKET_ENOTCONN,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_sendto,
  socket_shutdown,
  socket_write,
  stringToBytes,
  withoutWarnings,
} from "../mod.ts";
import {
  ALL_BYTES,
  captureWarnings,
  closeAll,
  linuxOnly,
  loopback,
  ok,
  phpWarning,
  portOf,
  tcpListener,
  tcpPair,
  udpPair,
} from "./_helpers.ts";
import { assert, assertEquals, assertStrictEquals } from "./assert.ts";

/** Blocks the thread for `ms` milliseconds (the API under test is synchronous). */
function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

for (const [name, family] of [["IPv4", AF_INET], ["IPv6", AF_INET6]] as const) {
  describe(`TCP over ${name}`, () => {
    test("all 256 byte values round-trip both ways, as strings and as Uint8Array", () => {
      const [a, b] = tcpPair(family);
      try {
        assertStrictEquals(socket_write(a, ALL_BYTES), 256);
        const got = { value: null as string | null };
        assertStrictEquals(socket_recv(b, got, 256, MSG_WAITALL), 256);
        assertStrictEquals(got.value, ALL_BYTES);
        assertStrictEquals(socket_send(b, stringToBytes(ALL_BYTES), 256, 0), 256);
        assertStrictEquals(socket_recv(a, got, 256, MSG_WAITALL), 256);
        assertStrictEquals(got.value, ALL_BYTES);
      } finally {
        closeAll(a, b);
      }
    });

    test("socket_getsockname() and socket_getpeername() report loopback and matching ports", () => {
      const [a, b] = tcpPair(family);
      try {
        const addr = { value: "" }, port = { value: 0 };
        assert(socket_getpeername(a, addr, port));
        assertStrictEquals(addr.value, loopback(family));
        assertStrictEquals(port.value, portOf(b));
        assert(socket_getsockname(a, addr, port));
        assertStrictEquals(addr.value, loopback(family));
        const peer = { value: "" }, peerPort = { value: 0 };
        assert(socket_getpeername(b, peer, peerPort));
        assertStrictEquals(peerPort.value, port.value);
      } finally {
        closeAll(a, b);
      }
    });

    test("socket_read() returns \"\" and socket_recv() 0 with null data once the peer closed", () => {
      const [a, b] = tcpPair(family);
      try {
        socket_write(a, "last");
        socket_close(a);
        assertStrictEquals(socket_read(b, 100), "last");
        assertStrictEquals(socket_read(b, 100), "");
        const data = { value: "untouched" as string | null };
        assertStrictEquals(socket_recv(b, data, 100, 0), 0);
        assertStrictEquals(data.value, null);
      } finally {
        closeAll(a, b);
      }
    });

    test("MSG_PEEK leaves the data queued", () => {
      const [a, b] = tcpPair(family);
      try {
        socket_write(a, "peek");
        const data = { value: null as string | null };
        assertStrictEquals(socket_recv(b, data, 4, MSG_PEEK | MSG_WAITALL), 4);
        assertStrictEquals(socket_read(b, 4), "peek");
      } finally {
        closeAll(a, b);
      }
    });

    test("MSG_OOB sends and receives the urgent byte apart from the stream", () => {
      const [a, b] = tcpPair(family);
      try {
        assertStrictEquals(socket_send(a, "ab", 2, 0), 2);
        assertStrictEquals(socket_send(a, "!", 1, MSG_OOB), 1);
        const data = { value: null as string | null };
        // The urgent byte travels with the segment; wait until it has arrived.
        for (
          let i = 0;
          i < 100 && withoutWarnings(() => socket_recv(b, data, 1, MSG_OOB)) === false;
          i++
        ) {
          sleepMs(1);
        }
        assertStrictEquals(data.value, "!");
        assertStrictEquals(socket_recv(b, data, 10, 0), 2);
        assertStrictEquals(data.value, "ab");
      } finally {
        closeAll(a, b);
      }
    });

    test("socket_shutdown(SHUT_WR) makes the peer read end of file", () => {
      const [a, b] = tcpPair(family);
      try {
        assert(socket_shutdown(a, 1));
        assertStrictEquals(socket_read(b, 10), "");
        assertStrictEquals(socket_write(b, "still open"), 10);
        assertStrictEquals(socket_read(a, 10), "still open");
      } finally {
        closeAll(a, b);
      }
    });

    test("socket_connect() fails with SOCKET_ECONNREFUSED when nothing listens", () => {
      const bound = ok(socket_create(family, SOCK_STREAM, 0));
      const client = ok(socket_create(family, SOCK_STREAM, 0));
      try {
        socket_bind(bound, loopback(family), 0); // bound but not listening: refused for sure
        const { result, warnings } = captureWarnings(() =>
          socket_connect(client, loopback(family), portOf(bound))
        );
        assertStrictEquals(result, false);
        assertEquals(warnings, [
          phpWarning("socket_connect", "unable to connect", SOCKET_ECONNREFUSED),
        ]);
        assertStrictEquals(socket_last_error(client), SOCKET_ECONNREFUSED);
        assertStrictEquals(socket_last_error(), SOCKET_ECONNREFUSED);
      } finally {
        closeAll(bound, client);
      }
    });

    test("socket_bind() fails with SOCKET_EADDRINUSE when the port is taken", () => {
      const server = tcpListener(family);
      const other = ok(socket_create(family, SOCK_STREAM, 0));
      try {
        const { result, warnings } = captureWarnings(() =>
          socket_bind(other, loopback(family), portOf(server))
        );
        assertStrictEquals(result, false);
        assertEquals(warnings, [
          phpWarning("socket_bind", "Unable to bind address", SOCKET_EADDRINUSE),
        ]);
        assertStrictEquals(socket_last_error(other), SOCKET_EADDRINUSE);
      } finally {
        closeAll(server, other);
      }
    });

    test("socket_getpeername() on an unconnected socket warns and leaves the refs alone", () => {
      const s = ok(socket_create(family, SOCK_STREAM, 0));
      try {
        const addr = { value: null as unknown as string },
          port = { value: null as unknown as number };
        const { result, warnings } = captureWarnings(() => socket_getpeername(s, addr, port));
        assertStrictEquals(result, false);
        assertEquals(warnings, [
          phpWarning("socket_getpeername", "unable to retrieve peer name", SOCKET_ENOTCONN),
        ]);
        assertStrictEquals(socket_last_error(s), SOCKET_ENOTCONN);
        assertStrictEquals(addr.value, null);
        assertStrictEquals(port.value, null);
      } finally {
        socket_close(s);
      }
    });
  });

  describe(`UDP over ${name}`, () => {
    test("socket_sendto() and socket_recvfrom() carry a datagram and the sender's address", () => {
      const [a, b] = udpPair(family);
      try {
        assertStrictEquals(socket_sendto(a, ALL_BYTES, 256, 0, loopback(family), portOf(b)), 256);
        const data = { value: "" }, from = { value: "" }, port = { value: 0 };
        assertStrictEquals(socket_recvfrom(b, data, 1000, 0, from, port), 256);
        assertStrictEquals(data.value, ALL_BYTES);
        assertStrictEquals(from.value, loopback(family));
        assertStrictEquals(port.value, portOf(a));
      } finally {
        closeAll(a, b);
      }
    });

    test("a datagram longer than the length is truncated and the rest discarded", {
      // Winsock fails such a read with WSAEMSGSIZE (and PHP warns there).
      skip: linuxOnly("silent datagram truncation"),
    }, () => {
      const [a, b] = udpPair(family);
      try {
        socket_sendto(a, "0123456789", 10, 0, loopback(family), portOf(b));
        socket_sendto(a, "next", 4, 0, loopback(family), portOf(b));
        const data = { value: "" }, from = { value: "" }, port = { value: 0 };
        assertStrictEquals(socket_recvfrom(b, data, 4, 0, from, port), 4);
        assertStrictEquals(data.value, "0123");
        assertStrictEquals(socket_recvfrom(b, data, 100, 0, from, port), 4);
        assertStrictEquals(data.value, "next");
      } finally {
        closeAll(a, b);
      }
    });

    test("socket_sendto() honours length shorter than the data", () => {
      const [a, b] = udpPair(family);
      try {
        assertStrictEquals(socket_sendto(a, "abcdef", 3, 0, loopback(family), portOf(b)), 3);
        assertStrictEquals(socket_read(b, 100), "abc");
      } finally {
        closeAll(a, b);
      }
    });

    test("a connected UDP socket uses socket_write() and socket_read()", () => {
      const [a, b] = udpPair(family);
      try {
        assert(socket_connect(a, loopback(family), portOf(b)));
        assertStrictEquals(socket_write(a, "dgram"), 5);
        assertStrictEquals(socket_read(b, 100), "dgram");
      } finally {
        closeAll(a, b);
      }
    });

    test("socket_write() on an unconnected UDP socket fails with EDESTADDRREQ", {
      skip: linuxOnly("EDESTADDRREQ (Winsock says WSAENOTCONN)"),
    }, () => {
      const s = ok(socket_create(family, SOCK_DGRAM, 0));
      try {
        const { result, warnings } = captureWarnings(() => socket_write(s, "x"));
        assertStrictEquals(result, false);
        assertEquals(warnings, [
          "socket_write(): unable to write to socket [89]: Destination address required",
        ]);
      } finally {
        socket_close(s);
      }
    });
  });
}

describe("IPv4 on IPv6 sockets", () => {
  // PHP resolves an IPv4 literal on an AF_INET6 socket with getaddrinfo(AI_V4MAPPED |
  // AI_ADDRCONFIG). Where loopback is the only interface (scripts/test.sh's
  // namespace), AI_ADDRCONFIG finds no address: PHP 8.2 then prints exactly
  // the warning asserted below (checked with php8.2 in such a namespace).
  const loopbackOnly = process.env.PHP_SOCKETS_NETNS === "1";

  test(
    "binding 127.0.0.1 on an AF_INET6 socket gives the v4-mapped address, as PHP's lookup does",
    {
      // Windows sockets are IPv6-only by default and its resolver differs.
      skip: linuxOnly("dual-stack AF_INET6 sockets with glibc's AI_ADDRCONFIG"),
    },
    () => {
      const s = ok(socket_create(AF_INET6, SOCK_STREAM, 0));
      try {
        const { result, warnings } = captureWarnings(() => socket_bind(s, "127.0.0.1", 0));
        const addr = { value: "" };
        assert(socket_getsockname(s, addr));
        if (loopbackOnly) {
          assertStrictEquals(result, false);
          assertEquals(warnings, [
            "socket_bind(): Host lookup failed [-10000]: Unknown error -10000",
          ]);
          assertStrictEquals(addr.value, "::");
        } else {
          assertStrictEquals(result, true);
          assertStrictEquals(addr.value, "::ffff:127.0.0.1");
        }
      } finally {
        socket_close(s);
      }
    },
  );

  test("an unbound AF_INET socket reports 0.0.0.0 and port 0", {
    skip: linuxOnly("getsockname() of an unbound socket (Winsock: WSAEINVAL)"),
  }, () => {
    const s = ok(socket_create(AF_INET, SOCK_DGRAM, 0));
    try {
      const addr = { value: "" }, port = { value: -1 };
      assert(socket_getsockname(s, addr, port));
      assertStrictEquals(addr.value, "0.0.0.0");
      assertStrictEquals(port.value, 0);
    } finally {
      socket_close(s);
    }
  });
});
