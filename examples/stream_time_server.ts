/**
 * The PHP manual's stream_socket_server() examples, ported: a TCP time
 * server (Example #1) and a UDP time server (Example #2).
 * https://www.php.net/manual/en/function.stream-socket-server.php
 *
 * ```sh
 * deno run --allow-ffi --allow-net=127.0.0.1 examples/stream_time_server.ts
 * bun examples/stream_time_server.ts
 * bun examples/stream_time_server.ts --serve 8000   # serve TCP on 127.0.0.1:8000 until stopped
 * ```
 *
 * By default it runs both servers on free loopback ports, asks each for the
 * time once from a client in the same process, prints the answers and
 * exits. The manual binds `0.0.0.0:8000` and `127.0.0.1:1113`; this port
 * binds 127.0.0.1.
 *
 * The manual's loops block in `stream_socket_accept()` /
 * `stream_socket_recvfrom()`. Here the servers first `await waitReadable()`
 * (beyond PHP), so the event loop, and the client sharing it, keep running;
 * the PHP calls then return at once.
 *
 * @module
 */

import process from "node:process";
import {
  fclose,
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

/** PHP's `date('n/j/Y g:i a')`, e.g. `3/7/2025 4:05 pm`. */
export function phpDate(d: Date = new Date()): string {
  const h = d.getHours() % 12 || 12;
  const m = String(d.getMinutes()).padStart(2, "0");
  return `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()} ${h}:${m} ${
    d.getHours() < 12 ? "am" : "pm"
  }`;
}

/** PHP's `date("D M j H:i:s Y\r\n")`. */
export function phpDateLong(d: Date = new Date()): string {
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getDay()];
  const mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    d.getMonth()
  ];
  const t = [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, "0"));
  return `${day} ${mon} ${d.getDate()} ${t.join(":")} ${d.getFullYear()}\r\n`;
}

/**
 * Example #1: answers each TCP connection with the local time and closes
 * it; stops after `limit` connections (the manual loops forever).
 */
export async function tcpTimeServer(socket: Stream, limit = Infinity): Promise<void> {
  for (let served = 0; served < limit && await waitReadable(socket); served++) {
    const conn = stream_socket_accept(socket);
    if (!conn) break;
    fwrite(conn, "The local time is " + phpDate() + "\n");
    fclose(conn);
  }
}

/**
 * Example #2: answers each UDP datagram with the date, sent back to its
 * sender; stops after `limit` datagrams.
 */
export async function udpTimeServer(socket: Stream, limit = Infinity): Promise<void> {
  for (let served = 0; served < limit && await waitReadable(socket); served++) {
    const peer = { value: null as string | null };
    const pkt = stream_socket_recvfrom(socket, 1, 0, peer);
    if (pkt === false || peer.value === null) break;
    console.log(`S: datagram from ${peer.value}`);
    stream_socket_sendto(socket, phpDateLong(), 0, peer.value);
  }
}

async function demo(): Promise<void> {
  const code = { value: 0 };
  const message = { value: "" };

  const tcp = stream_socket_server("tcp://127.0.0.1:0", code, message);
  if (!tcp) throw new Error(`${message.value} (${code.value})`);
  const tcpName = stream_socket_get_name(tcp, false);
  const serving = tcpTimeServer(tcp, 1);
  const client = stream_socket_client(`tcp://${tcpName}`, code, message, 5);
  if (!client) throw new Error(`${message.value} (${code.value})`);
  await waitReadable(client, 5_000);
  console.log(`C (tcp): ${fgets(client)}`.trimEnd());
  fclose(client);
  await serving;
  fclose(tcp);

  const udp = stream_socket_server("udp://127.0.0.1:0", code, message, STREAM_SERVER_BIND);
  if (!udp) throw new Error(`${message.value} (${code.value})`);
  const udpServing = udpTimeServer(udp, 1);
  const udpClient = stream_socket_client(`udp://${stream_socket_get_name(udp, false)}`);
  if (!udpClient) throw new Error("cannot open the UDP client");
  fwrite(udpClient, "\n");
  await waitReadable(udpClient, 5_000);
  console.log(`C (udp): ${fread(udpClient, 100)}`.trimEnd());
  await udpServing;
  fclose(udpClient);
  fclose(udp);
}

async function serve(port: number): Promise<void> {
  const code = { value: 0 };
  const message = { value: "" };
  const socket = stream_socket_server(`tcp://127.0.0.1:${port}`, code, message);
  if (!socket) {
    console.log(`${message.value} (${code.value})`);
    return;
  }
  console.log(`serving the time on ${stream_socket_get_name(socket, false)}`);
  await tcpTimeServer(socket);
  fclose(socket);
}

if (import.meta.main) {
  const args = process.argv.slice(2).filter((a) => !a.endsWith(".ts"));
  if (args[0] === "--serve") await serve(Number(args[1] ?? 8000));
  else await demo();
}
