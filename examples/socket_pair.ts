/**
 * The PHP manual's two `socket_create_pair()` examples, ported:
 * https://www.php.net/manual/en/function.socket-create-pair.php
 *
 * ```sh
 * deno run --allow-ffi examples/socket_pair.ts
 * bun examples/socket_pair.ts
 * ```
 *
 * Example #1 writes a line into one end of a pair and reads it at the other.
 * Example #2 ("IPC example") creates the pair and then calls `pcntl_fork()`:
 * the parent keeps `$ary[1]`, the child keeps `$ary[0]`, each sends its
 * message and reads the other's. Deno and Bun cannot fork, so here both
 * roles run in this one process, one after the other: both sides write
 * first and read second. That cannot block, because each message (20 bytes)
 * waits in the kernel's socket buffer until the other end reads it, which is
 * what lets the two processes in the manual run in any order too. Each role
 * closes its own end at the end instead of closing the other role's end at
 * the start (which is what the forked processes do with their copies).
 *
 * @module
 */

import {
  AF_UNIX,
  PHP_BINARY_READ,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_last_error,
  socket_read,
  socket_strerror,
  socket_write,
} from "../mod.ts";

/** PHP's `var_dump()` of a string or `false`. */
function varDump(value: string | false): string {
  return value === false ? "bool(false)" : `string(${value.length}) "${value}"`;
}

/**
 * Example #1: `socket_create_pair()` example.
 *
 * @param echo Receives the output, as PHP's `echo`/`var_dump()` would print it.
 */
export function socketPairExample(echo: (text: string) => void): void {
  const sockets: Socket[] = [];

  /* The manual uses AF_INET on Windows; this module's Windows support is not there yet. */
  const domain = AF_UNIX;

  /* Setup socket pair */
  if (socket_create_pair(domain, SOCK_STREAM, 0, sockets) === false) {
    echo("socket_create_pair failed. Reason: " + socket_strerror(socket_last_error()));
    return;
  }
  /* Send and Receive Data */
  if (socket_write(sockets[0], "ABCdef123\n", "ABCdef123\n".length) === false) {
    echo("socket_write() failed. Reason: " + socket_strerror(socket_last_error(sockets[0])));
  }
  const data = socket_read(sockets[1], "ABCdef123\n".length, PHP_BINARY_READ);
  if (data === false) {
    echo("socket_read() failed. Reason: " + socket_strerror(socket_last_error(sockets[1])));
  }
  echo(varDump(data) + "\n");

  /* Close sockets */
  socket_close(sockets[0]);
  socket_close(sockets[1]);
}

/**
 * Example #2: `socket_create_pair()` IPC example, without the fork (see the
 * module comment).
 *
 * @param echo Receives the output, as PHP's `echo` would print it.
 */
export function ipcExample(echo: (text: string) => void): void {
  const ary: Socket[] = [];
  const strone = "Message From Parent.";
  const strtwo = "Message From Child.";

  if (socket_create_pair(AF_UNIX, SOCK_STREAM, 0, ary) === false) {
    echo("socket_create_pair() failed. Reason: " + socket_strerror(socket_last_error()));
    return;
  }

  /* parent, first half: send to the child through $ary[1] */
  if (socket_write(ary[1], strone, strone.length) === false) {
    echo("socket_write() failed. Reason: " + socket_strerror(socket_last_error(ary[1])));
  }

  /* child, whole: send to the parent through $ary[0], then read the parent's message */
  if (socket_write(ary[0], strtwo, strtwo.length) === false) {
    echo("socket_write() failed. Reason: " + socket_strerror(socket_last_error(ary[0])));
  }
  if (socket_read(ary[0], strone.length, PHP_BINARY_READ) === strone) {
    echo(`Received ${strone}\n`);
  }
  socket_close(ary[0]);

  /* parent, second half: read the child's message */
  if (socket_read(ary[1], strtwo.length, PHP_BINARY_READ) === strtwo) {
    echo(`Received ${strtwo}\n`);
  }
  socket_close(ary[1]);
}

if (import.meta.main) {
  let output = "";
  const echo = (text: string): void => {
    output += text;
  };
  socketPairExample(echo);
  ipcExample(echo);
  console.log(output.replace(/\n$/, ""));
}
