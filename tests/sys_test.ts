import { describe, test } from "node:test";
import { runtime } from "../ffi/load.ts";
import { AF_INET, socket_close, socket_write } from "../mod.ts";
import { platform, Ready, sys } from "../platform/mod.ts";
import { decodeAddress, SOCKADDR_STORAGE_SIZE } from "../sockets/sockaddr.ts";
import { closeAll, HAS_UNIX_PAIRS, localPair, needsUnix, portOf, udpPair } from "./_helpers.ts";
import { assert, assertEquals, assertStrictEquals } from "./assert.ts";

describe("Sys.poll()", () => {
  test("reports writable, then readable once data is queued, then hang-up after the peer closed", () => {
    const [a, b] = localPair();
    try {
      const revents = new Uint16Array(1);
      const both = Ready.In | Ready.Out;
      assertStrictEquals(sys().poll([b.unsafeHandle], [both], revents, 0), 1);
      assertStrictEquals(revents[0], Ready.Out);
      socket_write(a, "x");
      assertStrictEquals(sys().poll([b.unsafeHandle], [Ready.In], revents, 0), 1);
      assertStrictEquals(revents[0], Ready.In);
      socket_close(a);
      assertStrictEquals(sys().poll([b.unsafeHandle], [Ready.In], revents, 0), 1);
      // An AF_UNIX pair reports the hang-up; a TCP peer's close is a readable EOF.
      const closed = HAS_UNIX_PAIRS ? Ready.Hup : Ready.In | Ready.Hup;
      assert((revents[0] & closed) !== 0, `revents ${revents[0]}`);
    } finally {
      closeAll(a, b);
    }
  });

  test("times out with 0 when nothing is ready, and flags a closed descriptor as invalid", () => {
    const [a, b] = localPair();
    const fd = b.unsafeHandle;
    try {
      const revents = new Uint16Array(2);
      const started = performance.now();
      assertStrictEquals(sys().poll([fd], [Ready.In], revents, 50), 0);
      assertEquals(performance.now() - started >= 40, true);
      socket_close(b); // fd is now closed (and not reused before the next line)
      assertStrictEquals(sys().poll([a.unsafeHandle, fd], [Ready.In, Ready.In], revents, 0), 2);
      assertStrictEquals(revents[1], Ready.Invalid);
    } finally {
      closeAll(a, b);
    }
  });

  test("handles descriptor numbers above 1023, which select() cannot", {
    skip: needsUnix, // 520 socketpairs; Windows handles are no descriptor numbers anyway
  }, () => {
    const pairs = Array.from({ length: 520 }, () => localPair());
    try {
      const [x, y] = pairs[pairs.length - 1];
      assertEquals(
        y.unsafeHandle > 1023,
        true,
        `expected a high descriptor, got ${y.unsafeHandle}`,
      );
      socket_write(x, "hi");
      const revents = new Uint16Array(1);
      assertStrictEquals(sys().poll([y.unsafeHandle], [Ready.In], revents, 0), 1);
      assertStrictEquals(revents[0], Ready.In);
    } finally {
      for (const p of pairs) closeAll(...p);
    }
  });
});

describe("Sys.sendmsg()/Sys.recvmsg() with the platform's message header layout", () => {
  /** Writes an integer or pointer into a header field of the size the layout gives. */
  function put(dv: DataView, [offset, size]: readonly [number, number], value: bigint): void {
    if (size === 8) dv.setBigUint64(offset, value, true);
    else dv.setUint32(offset, Number(value), true);
  }
  function get(dv: DataView, [offset, size]: readonly [number, number]): number {
    return size === 8 ? Number(dv.getBigUint64(offset, true)) : dv.getUint32(offset, true);
  }

  test("a datagram goes out through sendmsg() and comes back with its sender through recvmsg()", () => {
    const m = platform.msg;
    const [a, b] = udpPair(AF_INET);
    try {
      // sendmsg(a): one buffer, addressed to b.
      const payload = new TextEncoder().encode("scatter/gather");
      const to = new Uint8Array(SOCKADDR_STORAGE_SIZE);
      const toLen = new Uint32Array([to.length]);
      assertStrictEquals(sys().getsockname(b.unsafeHandle, to, toLen), 0);
      const iov = new Uint8Array(m.iovSize);
      const iovView = new DataView(iov.buffer);
      put(iovView, m.iovBase, runtime.addressOf(payload));
      put(iovView, m.iovLen, BigInt(payload.length));
      const out = new Uint8Array(m.size);
      const outView = new DataView(out.buffer);
      put(outView, m.name, runtime.addressOf(to));
      put(outView, m.namelen, BigInt(toLen[0]));
      put(outView, m.iov, runtime.addressOf(iov));
      put(outView, m.iovlen, 1n);
      assertStrictEquals(sys().sendmsg(a.unsafeHandle, out, 0), payload.length);

      // recvmsg(b): room for 64 bytes and the sender's address.
      const data = new Uint8Array(64);
      const from = new Uint8Array(SOCKADDR_STORAGE_SIZE);
      const riov = new Uint8Array(m.iovSize);
      const riovView = new DataView(riov.buffer);
      put(riovView, m.iovBase, runtime.addressOf(data));
      put(riovView, m.iovLen, BigInt(data.length));
      const msg = new Uint8Array(m.size);
      const msgView = new DataView(msg.buffer);
      put(msgView, m.name, runtime.addressOf(from));
      put(msgView, m.namelen, BigInt(from.length));
      put(msgView, m.iov, runtime.addressOf(riov));
      put(msgView, m.iovlen, 1n);
      assertStrictEquals(sys().poll([b.unsafeHandle], [Ready.In], new Uint16Array(1), 5000), 1);
      const n = sys().recvmsg(b.unsafeHandle, msg, 0);
      assertStrictEquals(n, payload.length, `recvmsg failed: ${sys().lastError()}`);
      assertStrictEquals(new TextDecoder().decode(data.subarray(0, n)), "scatter/gather");
      assertStrictEquals(get(msgView, m.flags), 0);
      const sender = decodeAddress(from, get(msgView, m.namelen), AF_INET);
      assertEquals([sender.address, sender.port], ["127.0.0.1", portOf(a)]);
      // The buffers behind the pointers stayed alive until here.
      assertStrictEquals(payload.length + to.length + iov.length + riov.length > 0, true);
    } finally {
      closeAll(a, b);
    }
  });
});
