/**
 * socket_import_stream / socket_export_stream: one descriptor shared by a
 * Socket and a Stream, closed exactly once, never used after close, never
 * leaked, also when the objects are only garbage-collected.
 *
 * @module
 */

import { describe, test } from "node:test";
import {
  AF_INET,
  fclose,
  fgets,
  fread,
  fwrite,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  SOCKET_EBADF,
  SOCKET_ENOTSOCK,
  socket_export_stream,
  socket_import_stream,
  socket_last_error,
  socket_read,
  socket_write,
  type Stream,
} from "../mod.ts";
import {
  captureWarnings,
  closeAll,
  countsDescriptors,
  localPair,
  ok,
  openDescriptors,
  phpWarning,
} from "./_helpers.ts";
import { collectUntil, findGc, isOpenFd, okStream, streamPair } from "./_stream_helpers.ts";
import { assert, assertEquals, assertStrictEquals, assertThrows } from "./assert.ts";

describe("socket_export_stream()", () => {
  test("the stream and the socket use the same descriptor; socket_close() closes both", () => {
    const [a, b] = localPair();
    const fd = b.unsafeHandle;
    const stream = okStream(socket_export_stream(b));
    assertStrictEquals(stream.unsafeHandle, fd);
    socket_write(a, "via the socket\n");
    assertStrictEquals(fgets(stream), "via the socket\n");
    fwrite(stream, "via the stream");
    assertStrictEquals(socket_read(a, 100), "via the stream");
    socket_close(b);
    assert(!isOpenFd(fd), "the descriptor is closed");
    assertThrows(() => fread(stream, 1), TypeError, "supplied resource is not a valid stream");
    assertStrictEquals(socket_read(a, 10), "", "the peer sees end of file");
    closeAll(a);
  });

  test(
    "fclose() closes the descriptor once; the socket then fails with EBADF without touching a reused number",
    {
      skip: countsDescriptors
        && "POSIX reuses the lowest descriptor number; Windows handles differ",
    },
    () => {
      const [a, b] = localPair();
      const fd = b.unsafeHandle;
      const stream = okStream(socket_export_stream(b));
      fclose(stream);
      assert(!isOpenFd(fd), "the descriptor is closed");
      // The next socket gets the freed number; the zombie must not reach it.
      const reuse = ok(socket_create(AF_INET, SOCK_STREAM, 0));
      const [c, d] = localPair();
      try {
        assertStrictEquals(reuse.unsafeHandle, fd);
        assertStrictEquals(b.unsafeHandle, -1);
        const w = captureWarnings(() => socket_write(b, "must not arrive"));
        assertStrictEquals(w.result, false);
        assertEquals(w.warnings, [
          phpWarning("socket_write", "unable to write to socket", SOCKET_EBADF),
        ]);
        assertStrictEquals(socket_last_error(b), SOCKET_EBADF);
        assertThrows(() => socket_close(b), TypeError, "supplied resource is not a valid stream");
        assert(isOpenFd(fd), "socket_close() of the zombie did not close the reused descriptor");
        assertThrows(() => socket_close(b), Error, "has already been closed");
      } finally {
        closeAll(reuse, a, c, d);
      }
    },
  );

  test("5,000 export/close cycles leave the descriptor count unchanged", {
    skip: countsDescriptors,
  }, () => {
    const before = openDescriptors();
    for (let i = 0; i < 5_000; i++) {
      const s = ok(socket_create(AF_INET, SOCK_STREAM, 0));
      okStream(socket_export_stream(s));
      if (i % 2) socket_close(s);
      else fclose(socket_export_stream(s) as Stream);
    }
    assertStrictEquals(openDescriptors(), before);
  });
});

describe("socket_import_stream()", () => {
  test("the socket shares the stream's descriptor; stream reads stop buffering", () => {
    const [x, y] = streamPair();
    const sock = ok(socket_import_stream(y));
    assertStrictEquals(sock.unsafeHandle, y.unsafeHandle);
    fwrite(x, "ab");
    assertStrictEquals(fread(y, 1), "a", "an unbuffered read takes only what it asks");
    assertStrictEquals(socket_read(sock, 10), "b");
    socket_close(sock);
    assertThrows(() => fwrite(y, "x"), TypeError);
    fclose(x);
  });

  test("importing twice gives two sockets on one descriptor; closing one zombifies the other", () => {
    const [x, y] = streamPair();
    const fd = y.unsafeHandle;
    const s1 = ok(socket_import_stream(y));
    const s2 = ok(socket_import_stream(y));
    assertStrictEquals(s2.unsafeHandle, fd);
    socket_close(s1);
    assert(!isOpenFd(fd), "closed once");
    const w = captureWarnings(() => socket_read(s2, 1));
    assertStrictEquals(w.result, false);
    // EBADF on POSIX; Winsock says WSAENOTSOCK for a handle that is no socket.
    const code = socket_last_error(s2);
    assert(code === SOCKET_EBADF || code === SOCKET_ENOTSOCK, `error ${code}`);
    assertEquals(w.warnings, [phpWarning("socket_read", "unable to read from socket", code)]);
    fclose(x);
  });

  test("5,000 import/close cycles leave the descriptor count unchanged", {
    skip: countsDescriptors,
  }, () => {
    const before = openDescriptors();
    for (let i = 0; i < 5_000; i++) {
      const [x, y] = streamPair();
      const s = ok(socket_import_stream(y));
      fclose(x);
      if (i % 2) socket_close(s);
      else fclose(y);
    }
    assertStrictEquals(openDescriptors(), before);
  });
});

const gc = findGc();
describe("garbage collection of bridged pairs", { skip: gc ? false : "no forced GC here" }, () => {
  test("dropping both the socket and the stream closes the descriptor once", {
    skip: countsDescriptors,
  }, async () => {
    const before = openDescriptors();
    (() => {
      for (let i = 0; i < 500; i++) {
        const [a, b] = localPair();
        socket_export_stream(a);
        okStream(socket_export_stream(b));
      }
    })();
    assert(openDescriptors() >= before + 1_000);
    assert(await collectUntil(gc!, () => openDescriptors() === before), "all closed after GC");
  });

  test("the descriptor lives while either side is referenced", async () => {
    const [a, b] = localPair();
    const fd = b.unsafeHandle;
    let stream: Stream | null = okStream(socket_export_stream(b));
    const keepSocket: Socket[] = [b];
    // Only the socket is referenced: it keeps the stream (and the descriptor) alive.
    stream = null;
    await collectUntil(gc!, () => false);
    assert(isOpenFd(fd), "still open through the socket");
    socket_write(a, "still here\n");
    assertStrictEquals(socket_read(keepSocket[0], 100), "still here\n");
    // Now only a stream made by import is referenced.
    const [x, y] = streamPair();
    const yfd = y.unsafeHandle;
    let imported: Socket | null = ok(socket_import_stream(y));
    imported = null;
    await collectUntil(gc!, () => false);
    assert(isOpenFd(yfd), "still open through the stream");
    fwrite(x, "y\n");
    assertStrictEquals(fgets(y), "y\n");
    closeAll(a, keepSocket[0]);
    fclose(x);
    fclose(y);
    void stream;
    void imported;
  });
});
