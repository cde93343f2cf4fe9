/**
 * Sockets and streams as Web Streams: reading into Response and
 * TextDecoderStream, piping socket to socket, half-close, datagrams, and
 * what closing the socket does to a pending read.
 *
 * @module
 */

import { describe, test } from "node:test";
import {
  fclose,
  fgets,
  fwrite,
  readableOf,
  SOCK_DGRAM,
  socket_close,
  socket_read,
  socket_write,
  STREAM_SERVER_BIND,
  stream_socket_client,
  stream_socket_recvfrom,
  stream_socket_server,
  writableOf,
} from "../mod.ts";
import { closeAll, localPair, needsUnix, tempDir } from "./_helpers.ts";
import { okStream, streamPair, tcpStreams } from "./_stream_helpers.ts";
import { assert, assertEquals, assertStrictEquals } from "./assert.ts";

const encoder = new TextEncoder();

describe("readable", () => {
  test("a Socket's bytes read into a Response, to end of file", async () => {
    const [a, b] = localPair();
    try {
      socket_write(a, "bytes \x00\xff"); // a byte string
      socket_write(a, encoder.encode(" ✓"));
      socket_close(a);
      const bytes = new Uint8Array(await new Response(b.readable).arrayBuffer());
      assertEquals([...bytes], [...encoder.encode("bytes "), 0, 255, 0x20, 0xe2, 0x9c, 0x93]);
    } finally {
      closeAll(a, b);
    }
  });

  test("readableOf() is the same stream each time, and pipes through TextDecoderStream", async () => {
    const [client, server] = tcpStreams();
    try {
      assertStrictEquals(readableOf(server), server.readable);
      const lines = server.readable.pipeThrough(new TextDecoderStream());
      setTimeout(() => {
        fwrite(client, encoder.encode("ünïcödé "));
        fwrite(client, encoder.encode("over tcp"));
        fclose(client);
      }, 20);
      let text = "";
      for await (const chunk of lines) text += chunk;
      assertStrictEquals(text, "ünïcödé over tcp");
    } finally {
      fclose(server);
    }
  });

  test("bytes already buffered by fgets() come first", async () => {
    const [x, y] = streamPair();
    try {
      fwrite(x, "first\nsecond\nthird");
      assertStrictEquals(fgets(y), "first\n");
      fclose(x);
      assertStrictEquals(await new Response(y.readable).text(), "second\nthird");
    } finally {
      fclose(y);
    }
  });

  test("reads only when asked, so later PHP-style reads still see their data", async () => {
    const [a, b] = localPair();
    try {
      const reader = b.readable.getReader();
      socket_write(a, "one");
      assertStrictEquals(new TextDecoder().decode((await reader.read()).value), "one");
      reader.releaseLock();
      socket_write(a, "two");
      assertStrictEquals(socket_read(b, 10), "two");
    } finally {
      closeAll(a, b);
    }
  });

  test("a datagram socket yields one chunk per datagram", { skip: needsUnix }, async () => {
    const dir = tempDir();
    const server = okStream(
      stream_socket_server(`udg://${dir.path}/d.sock`, null, null, STREAM_SERVER_BIND),
    );
    const client = okStream(stream_socket_client(`udg://${dir.path}/d.sock`));
    try {
      fwrite(client, "dgram one");
      fwrite(client, "dgram two");
      const reader = server.readable.getReader();
      const first = await reader.read();
      const second = await reader.read();
      assertStrictEquals(new TextDecoder().decode(first.value), "dgram one");
      assertStrictEquals(new TextDecoder().decode(second.value), "dgram two");
      reader.releaseLock();
    } finally {
      fclose(client);
      fclose(server);
      dir.cleanup();
    }
  });

  test("closing the socket while a read waits fails the read", async () => {
    const [a, b] = localPair();
    const reading = b.readable.getReader().read();
    setTimeout(() => socket_close(b), 20);
    let error: unknown = null;
    try {
      await reading;
    } catch (e) {
      error = e;
    }
    assert(error instanceof Error, "the read failed");
    assertStrictEquals((error as Error).message, "The socket was closed");
    closeAll(a);
  });
});

describe("writable", () => {
  test("writes every chunk; closing it shuts down sending so the peer sees end of file", async () => {
    const [a, b] = localPair();
    try {
      const writer = writableOf(a).getWriter();
      await writer.write(encoder.encode("part one, "));
      await writer.write(encoder.encode("part two"));
      await writer.close();
      let got = "";
      for (;;) {
        const r = socket_read(b, 100);
        if (r === "" || r === false) break;
        got += r;
      }
      assertStrictEquals(got, "part one, part two");
      socket_write(b, "the other way still works");
      assertStrictEquals(socket_read(a, 100), "the other way still works");
    } finally {
      closeAll(a, b);
    }
  });

  test("a large body piped socket to socket arrives whole, with the event loop free", async () => {
    const [a, b] = localPair();
    const [c, d] = localPair();
    try {
      const body = new Uint8Array(4 * 1024 * 1024);
      for (let i = 0; i < body.length; i++) body[i] = (i * 7) & 0xff;
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      // a -> b (as a readable) piped into c -> d.
      const sending = new Blob([body]).stream().pipeTo(a.writable);
      const relaying = b.readable.pipeTo(c.writable);
      const received = new Response(d.readable).arrayBuffer();
      await sending;
      await relaying;
      const got = new Uint8Array(await received);
      clearInterval(timer);
      assertStrictEquals(got.length, body.length);
      assert(got.every((v, i) => v === body[i]), "the bytes match");
      assert(ticks >= 1, "timers ran during the transfer");
    } finally {
      closeAll(a, b, c, d);
    }
  });

  test("on a datagram socket each chunk is one datagram", async () => {
    const [a, b] = localPair(SOCK_DGRAM);
    try {
      const writer = a.writable.getWriter();
      await writer.write(encoder.encode("first"));
      await writer.write(encoder.encode("second"));
      assertStrictEquals(socket_read(b, 100), "first");
      assertStrictEquals(socket_read(b, 100), "second");
    } finally {
      closeAll(a, b);
    }
  });

  test("works on streams too", async () => {
    const [x, y] = streamPair();
    try {
      await new Blob(["stream body"]).stream().pipeTo(x.writable);
      assertStrictEquals(stream_socket_recvfrom(y, 100), "stream body");
    } finally {
      fclose(x);
      fclose(y);
    }
  });
});
