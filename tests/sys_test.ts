import { describe, test } from "node:test";
import { socket_close, socket_write } from "../mod.ts";
import { Ready, sys } from "../platform/mod.ts";
import { closeAll, HAS_UNIX_PAIRS, localPair, needsUnix } from "./_helpers.ts";
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
