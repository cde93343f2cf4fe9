/**
 * The PHP manual's "Socket example: Simple TCP/IP server" (the talkback
 * server), ported: https://www.php.net/manual/en/sockets.examples.php
 *
 * Run it, then connect with `telnet 127.0.0.1 <port>` (or `nc`): everything
 * you type is echoed on the server's console and answered with
 * `PHP: You said '...'.`; `quit` closes your connection and `shutdown` stops
 * the server.
 *
 * ```sh
 * deno run --allow-ffi --allow-net=127.0.0.1 examples/talkback_server.ts [port]
 * bun examples/talkback_server.ts [port]
 * ```
 *
 * The manual binds 192.168.1.53:10000; this port binds 127.0.0.1 and takes
 * the port from the command line (default 0: the kernel picks a free one,
 * which is printed). The serving loop is exported as `runTalkbackServer()`
 * so that `demo.ts` can drive it.
 *
 * @module
 */

import process from "node:process";
import {
  AF_INET,
  byteStringToText,
  PHP_NORMAL_READ,
  type Ref,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_strerror,
  socket_write,
  SOL_TCP,
} from "../mod.ts";

/** The instructions the server sends to every new connection (the manual's `$msg`). */
export const WELCOME: string = "\nWelcome to the PHP Test Server. \n"
  + "To quit, type 'quit'. To shut down the server type 'shutdown'.\n";

const TRIMMED = " \t\n\r\0\x0B";

/** PHP's `trim()` with its default character list `" \t\n\r\0\x0B"`. */
export function trim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && TRIMMED.includes(s[start])) start++;
  while (end > start && TRIMMED.includes(s[end - 1])) end--;
  return s.slice(start, end);
}

/**
 * Serves connections on a listening socket until a client types `shutdown`:
 * the manual's `do { socket_accept(...) ... } while (true);` loop.
 *
 * Each client gets the welcome text; each non-empty line it sends is passed
 * to `log` (the manual's `echo "$buf\n"`, a byte string without the newline)
 * and answered with `PHP: You said '<line>'.\n`. `quit` closes that client's
 * connection and waits for the next one; `shutdown` closes it and returns.
 * Failure messages (the manual's `socket_...() failed: reason: ...`) also go
 * to `log`. The listening socket is left open for the caller to close.
 *
 * Differences from the manual's code:
 * - A client that hangs up without `quit` is dropped and the server waits
 *   for the next one. (The manual relies on PHP 8.2's `socket_read()` failing
 *   with ECONNRESET after ~200 empty reads at end-of-file, which stops the
 *   whole server; this module's `socket_read()` returns `""` at end-of-file.)
 * - When `socket_read()` fails, the client's socket is closed before leaving
 *   (the manual's `break 2` leaves it to PHP's garbage collector).
 * - After a failed `socket_accept()` the reason comes from the global
 *   `socket_last_error()`: PHP records accept's error only there, so the
 *   manual's `socket_last_error($sock)` would say "Success".
 *
 * @param server A bound, listening SOCK_STREAM socket.
 * @param log Receives the server's console lines.
 */
export function runTalkbackServer(server: Socket, log: (line: string) => void): void {
  serving: do {
    const msgsock = socket_accept(server);
    if (msgsock === false) {
      log("socket_accept() failed: reason: " + socket_strerror(socket_last_error()));
      break;
    }
    /* Send instructions. */
    const msg = WELCOME;
    socket_write(msgsock, msg, msg.length);

    do {
      let buf = socket_read(msgsock, 2048, PHP_NORMAL_READ);
      if (buf === false) {
        log("socket_read() failed: reason: " + socket_strerror(socket_last_error(msgsock)));
        socket_close(msgsock);
        break serving;
      }
      if (buf === "") {
        // End of file: the client went away without saying 'quit'.
        break;
      }
      // `if (!$buf = trim($buf)) continue;` -- PHP's `!` is also true for "0".
      buf = trim(buf);
      if (buf === "" || buf === "0") {
        continue;
      }
      if (buf === "quit") {
        break;
      }
      if (buf === "shutdown") {
        socket_close(msgsock);
        break serving;
      }
      const talkback = `PHP: You said '${buf}'.\n`;
      socket_write(msgsock, talkback, talkback.length);
      log(buf);
    } while (true);
    socket_close(msgsock);
  } while (true);
}

/** Parses the optional port argument (default 0: the kernel picks one). */
function portFromArgs(args: string[]): number {
  const text = args[0] ?? "0";
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    console.error(`usage: talkback_server.ts [port]  (0-65535, got ${JSON.stringify(text)})`);
    process.exit(2);
  }
  return port;
}

if (import.meta.main) {
  const address = "127.0.0.1";
  const port = portFromArgs(process.argv.slice(2));

  // The manual carries on after a failed call (and PHP 8 then throws a
  // TypeError); here each failure ends the program.
  const sock = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
  if (sock === false) {
    console.log("socket_create() failed: reason: " + socket_strerror(socket_last_error()));
    process.exit(1);
  }
  if (socket_bind(sock, address, port) === false) {
    console.log("socket_bind() failed: reason: " + socket_strerror(socket_last_error(sock)));
    process.exit(1);
  }
  if (socket_listen(sock, 5) === false) {
    console.log("socket_listen() failed: reason: " + socket_strerror(socket_last_error(sock)));
    process.exit(1);
  }

  const boundAddress: Ref<string> = { value: "" };
  const boundPort: Ref<number> = { value: 0 };
  socket_getsockname(sock, boundAddress, boundPort);
  console.log(`Listening on ${boundAddress.value} port ${boundPort.value}.`);

  // PHP echoes the client's bytes to the terminal as they are; decode them
  // as UTF-8 so that text typed in a UTF-8 terminal reads right here too.
  runTalkbackServer(sock, (line) => console.log(byteStringToText(line)));
  socket_close(sock);
}
