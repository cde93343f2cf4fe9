/**
 * The PHP manual's "Socket example: Simple TCP/IP client", ported: a one-shot
 * HTTP client that sends a HEAD request and prints the reply.
 * https://www.php.net/manual/en/sockets.examples.php
 *
 * ```sh
 * deno run --allow-ffi --allow-net=127.0.0.1 examples/http_client.ts [address] [port]
 * bun examples/http_client.ts [address] [port]
 * ```
 *
 * The manual asks `getservbyname('www', 'tcp')` for the port and
 * `gethostbyname('www.example.com')` for the address. This port does no name
 * resolution: it takes a numeric IPv4 address and a port from the command
 * line (default `127.0.0.1` and `80`, the "www" port), so it is meant for a
 * server on the loopback interface, e.g. `php -S 127.0.0.1:8000` or
 * `python3 -m http.server 8000 --bind 127.0.0.1`. The manual prints an HTML
 * heading (`<h2>TCP/IP Connection</h2>`); this prints plain text.
 *
 * @module
 */

import process from "node:process";
import {
  AF_INET,
  byteStringToText,
  SOCK_STREAM,
  socket_close,
  socket_connect,
  socket_create,
  socket_last_error,
  socket_read,
  socket_strerror,
  socket_write,
  SOL_TCP,
} from "../mod.ts";

/**
 * Sends `HEAD / HTTP/1.1` to `address:port` and returns the whole reply, read
 * in 2048-byte chunks with `socket_read()` until the server closes the
 * connection (`Connection: Close`).
 *
 * @param address A numeric IPv4 address (no name resolution).
 * @param port The TCP port.
 * @param progress Receives the manual's progress messages (`"OK.\n"`, ...)
 *   and the reply as it arrives; by default nothing is printed.
 * @returns The reply as a byte string.
 * @throws {Error} With the manual's `socket_...() failed` text and
 *   `socket_strerror()` reason when the socket cannot be created or connected.
 */
export function fetchHead(
  address: string,
  port: number,
  progress: (text: string) => void = () => {},
): string {
  /* Create a TCP/IP socket. */
  const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
  if (socket === false) {
    throw new Error("socket_create() failed: reason: " + socket_strerror(socket_last_error()));
  }
  progress("OK.\n");

  progress(`Attempting to connect to '${address}' on port '${port}'...`);
  const result = socket_connect(socket, address, port);
  if (result === false) {
    const reason = socket_strerror(socket_last_error(socket));
    socket_close(socket);
    // The manual prints "Reason: ($result) ...", where false interpolates as "".
    throw new Error(`socket_connect() failed.\nReason: ${reason}`);
  }
  progress("OK.\n");

  const host = port === 80 ? address : `${address}:${port}`;
  let input = "HEAD / HTTP/1.1\r\n";
  input += `Host: ${host}\r\n`;
  input += "Connection: Close\r\n\r\n";
  let response = "";

  progress("Sending HTTP HEAD request...");
  socket_write(socket, input, input.length);
  progress("OK.\n");

  progress("Reading response:\n\n");
  // `while ($out = socket_read($socket, 2048))`: stops at "" (the server
  // closed the connection) or false (an error). Unlike PHP, a chunk "0" does
  // not stop the loop.
  let out: string | false;
  while ((out = socket_read(socket, 2048))) {
    response += out;
    progress(out);
  }

  progress("Closing socket...");
  socket_close(socket);
  progress("OK.\n\n");
  return response;
}

if (import.meta.main) {
  const [address = "127.0.0.1", portText = "80"] = process.argv.slice(2);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) {
    console.error(`usage: http_client.ts [address] [port]  (got port ${JSON.stringify(portText)})`);
    process.exit(2);
  }

  // Print whole lines as the progress messages complete them (decoded as
  // UTF-8 only once a line is complete, so no character is split).
  let pending = "";
  const progress = (text: string): void => {
    pending += text;
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) console.log(byteStringToText(line.replace(/\r$/, "")));
  };

  console.log("TCP/IP Connection");
  try {
    fetchHead(address, port, progress);
  } catch (error) {
    progress("\n");
    console.log((error as Error).message);
    process.exit(1);
  }
  if (pending !== "") console.log(byteStringToText(pending));
}
