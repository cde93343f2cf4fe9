/**
 * The PHP manual's stream_socket_client() examples, ported: an HTTP GET
 * over TCP (Example #1) and a UDP "daytime" query (Example #2), against
 * small servers this program starts on loopback (the manual asks
 * www.example.com and 127.0.0.1:13).
 * https://www.php.net/manual/en/function.stream-socket-client.php
 *
 * ```sh
 * deno run --allow-ffi --allow-net=127.0.0.1 examples/stream_client.ts
 * bun examples/stream_client.ts
 * ```
 *
 * The HTTP response is read twice: with the manual's `feof()`/`fgets()`
 * loop, and (beyond PHP) by handing the stream's Web `ReadableStream` to
 * `new Response(...)`.
 *
 * @module
 */

import {
  fclose,
  feof,
  fgets,
  fread,
  fwrite,
  type Stream,
  STREAM_SERVER_BIND,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_recvfrom,
  stream_socket_sendto,
  stream_socket_server,
  waitReadable,
} from "../mod.ts";

/** A one-request-per-connection HTTP server answering "Hello". */
async function httpServer(server: Stream, requests: number): Promise<void> {
  for (let i = 0; i < requests && await waitReadable(server); i++) {
    const conn = stream_socket_accept(server);
    if (!conn) break;
    while (await waitReadable(conn, 5_000)) {
      const line = fgets(conn);
      if (line === false || line === "\r\n") break;
    }
    fwrite(conn, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nHello from 127.0.0.1\n");
    fclose(conn);
  }
}

const server = stream_socket_server("tcp://127.0.0.1:0");
if (!server) throw new Error("cannot start the HTTP server");
const address = `tcp://${stream_socket_get_name(server, false)}`;
const serving = httpServer(server, 2);

// Example #1, as in the manual (the reads wait for the server in the same
// program, so each is preceded by waitReadable()).
const errno = { value: 0 };
const errstr = { value: "" };
let fp = stream_socket_client(address, errno, errstr, 30);
if (!fp) {
  console.log(`${errstr.value} (${errno.value})`);
} else {
  fwrite(fp, "GET / HTTP/1.0\r\nHost: www.example.com\r\nAccept: */*\r\n\r\n");
  while (await waitReadable(fp, 5_000) && !feof(fp)) {
    const line = fgets(fp, 1024);
    if (line !== false) console.log(line.trimEnd());
  }
  fclose(fp);
}

// The same request, the response read as a Web stream.
fp = stream_socket_client(address, errno, errstr, 30);
if (fp) {
  fwrite(fp, "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
  const text = await new Response(fp.readable).text();
  console.log(`as a Response: ${JSON.stringify(text.split("\r\n\r\n")[1])}`);
  fclose(fp);
}
await serving;
fclose(server);

// Example #2: a UDP daytime query.
const daytime = stream_socket_server("udp://127.0.0.1:0", null, null, STREAM_SERVER_BIND);
if (!daytime) throw new Error("cannot start the daytime server");
const udp = stream_socket_client(`udp://${stream_socket_get_name(daytime, false)}`, errno, errstr);
if (!udp) {
  console.log(`ERROR: ${errno.value} - ${errstr.value}`);
} else {
  fwrite(udp, "\n");
  const peer = { value: null as string | null };
  await waitReadable(daytime, 5_000);
  stream_socket_recvfrom(daytime, 16, 0, peer);
  stream_socket_sendto(daytime, `${new Date().toUTCString()}\r\n`, 0, peer.value ?? "");
  await waitReadable(udp, 5_000);
  console.log(`daytime: ${fread(udp, 26)}`.trimEnd());
  fclose(udp);
}
fclose(daytime);
