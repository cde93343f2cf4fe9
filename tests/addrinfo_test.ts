/**
 * socket_addrinfo_*: hint checking (PHP 8.5's rules), result copies that
 * outlive freeaddrinfo(), explain's shape, and sockets made from results.
 * Numeric hosts only; host names are in conformance/addrinfo_names.
 *
 * @module
 */

import { describe, test } from "node:test";
import {
  AddressInfo,
  AF_INET,
  AF_INET6,
  AI_CANONNAME,
  SOCK_DGRAM,
  SOCK_STREAM,
  socket_accept,
  socket_addrinfo_bind,
  socket_addrinfo_connect,
  socket_addrinfo_explain,
  socket_addrinfo_lookup,
  socket_close,
  socket_listen,
  socket_read,
  socket_write,
  ValueError,
} from "../mod.ts";
import { ok, portOf } from "./_helpers.ts";
import { assert, assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

function lookup(...args: Parameters<typeof socket_addrinfo_lookup>): AddressInfo[] {
  const r = socket_addrinfo_lookup(...args);
  if (r === false) throw new Error("lookup failed");
  return r;
}

describe("socket_addrinfo_lookup() hints", () => {
  const KEYS =
    "must only contain array keys \"ai_flags\", \"ai_socktype\", \"ai_protocol\", or \"ai_family\"";

  test("accepts the four keys with int values", () => {
    const infos = lookup("::1", "80", {
      ai_flags: AI_CANONNAME,
      ai_family: AF_INET6,
      ai_socktype: SOCK_STREAM,
      ai_protocol: 6,
    });
    assertStrictEquals(infos.length, 1);
    assertEquals(socket_addrinfo_explain(infos[0]), {
      ai_flags: AI_CANONNAME,
      ai_family: AF_INET6,
      ai_socktype: SOCK_STREAM,
      ai_protocol: 6,
      ai_canonname: "::1",
      ai_addr: { sin6_port: 80, sin6_addr: "::1" },
    });
  });

  test("rejects other keys, integer keys and lists (PHP 8.5)", () => {
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, { flags: 1 } as never),
      ValueError,
      KEYS,
    );
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, [AF_INET] as never),
      ValueError,
      KEYS,
    );
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, { ai_family: AF_INET, 0: 1 } as never),
      ValueError,
      KEYS,
    );
  });

  test("values must be ints in 0..2147483647 (PHP 8.5)", () => {
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, { ai_family: "2" } as never),
      TypeError,
      "socket_addrinfo_lookup(): Argument #3 ($hints) \"ai_family\" key must be of type int, string given",
    );
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, { ai_socktype: -1 }),
      ValueError,
      "\"ai_socktype\" key must be between 0 and 2147483647",
    );
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, { ai_flags: 2 ** 31 }),
      ValueError,
      "\"ai_flags\" key must be between 0 and 2147483647",
    );
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", null, { ai_protocol: 1.5 }),
      TypeError,
      "\"ai_protocol\" key must be of type int, float given",
    );
  });

  test("the service may be a number; other types are TypeErrors", () => {
    const infos = lookup("127.0.0.1", 8080, { ai_socktype: SOCK_DGRAM });
    assertEquals(socket_addrinfo_explain(infos[0]).ai_addr, {
      sin_port: 8080,
      sin_addr: "127.0.0.1",
    });
    assertThrows(
      () => socket_addrinfo_lookup("127.0.0.1", true as never),
      TypeError,
      "Argument #2 ($service) must be of type ?string, bool given",
    );
    assertThrows(
      () => socket_addrinfo_lookup(5 as never),
      TypeError,
      "Argument #1 ($host) must be of type string",
    );
  });
});

describe("AddressInfo", () => {
  test("holds a copy made before freeaddrinfo(): later lookups do not disturb it", () => {
    const kept = lookup("::1", "4242", {
      ai_family: AF_INET6,
      ai_socktype: SOCK_DGRAM,
      ai_flags: AI_CANONNAME,
    });
    const want = socket_addrinfo_explain(kept[0]);
    for (let i = 0; i < 2_000; i++) lookup("127.0.0.1", String(i), { ai_socktype: SOCK_STREAM });
    assertEquals(socket_addrinfo_explain(kept[0]), want);
    assertStrictEquals(want.ai_canonname, "::1");
  });

  test("is opaque and final", () => {
    assertThrows(() => new AddressInfo(), Error, "Cannot directly construct AddressInfo");
    class Sub extends (AddressInfo as unknown as new() => object) {}
    assertThrows(() => new Sub(), Error, "Cannot directly construct AddressInfo");
    assertEquals(Object.keys(lookup("127.0.0.1")[0]), []);
  });

  test("explain() keys come in PHP's order, ai_canonname only when set", () => {
    const plain = socket_addrinfo_explain(
      lookup("127.0.0.1", "1", { ai_socktype: SOCK_STREAM })[0],
    );
    assertEquals(Object.keys(plain), [
      "ai_flags",
      "ai_family",
      "ai_socktype",
      "ai_protocol",
      "ai_addr",
    ]);
    const named = socket_addrinfo_explain(
      lookup("127.0.0.1", "1", { ai_socktype: SOCK_STREAM, ai_flags: AI_CANONNAME })[0],
    );
    assertEquals(Object.keys(named), [
      "ai_flags",
      "ai_family",
      "ai_socktype",
      "ai_protocol",
      "ai_canonname",
      "ai_addr",
    ]);
  });
});

describe("socket_addrinfo_bind() / socket_addrinfo_connect()", () => {
  for (const [host, family] of [["127.0.0.1", AF_INET], ["::1", AF_INET6]] as const) {
    test(`make working sockets over ${host}`, () => {
      const server = ok(
        socket_addrinfo_bind(lookup(host, "0", { ai_family: family, ai_socktype: SOCK_STREAM })[0]),
      );
      try {
        assert(socket_listen(server, 4));
        const infos = lookup(host, String(portOf(server)), {
          ai_family: family,
          ai_socktype: SOCK_STREAM,
        });
        const client = ok(socket_addrinfo_connect(infos[0]));
        const conn = ok(socket_accept(server));
        socket_write(client, "through addrinfo");
        assertStrictEquals(socket_read(conn, 100), "through addrinfo");
        socket_close(conn);
        socket_close(client);
      } finally {
        socket_close(server);
      }
    });
  }
});
