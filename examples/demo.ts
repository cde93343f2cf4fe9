/**
 * The project's demo (`npm run demo`): the PHP manual's talkback server
 * (`talkback_server.ts`) on 127.0.0.1, driven by a scripted client in the
 * same run, with the conversation printed as a transcript (`C: ` client
 * lines, `S: ` server lines).
 *
 * ```sh
 * deno run --allow-ffi --allow-net=127.0.0.1 examples/demo.ts
 * bun examples/demo.ts
 * ```
 *
 * The PHP functions block, and the server and the client share one thread,
 * so they cannot wait for each other. The kernel does the waiting instead:
 *
 * 1. The server socket is created, bound to 127.0.0.1 (port 0: the kernel
 *    picks a free one) and put in the listening state.
 * 2. The client opens both of its connections and writes every line of both
 *    sessions. `socket_connect()` completes before anyone calls
 *    `socket_accept()` (the kernel finishes the handshake and queues the
 *    connection), and the lines wait in the server side's receive buffer.
 * 3. `runTalkbackServer()` runs to completion: it accepts the first
 *    connection, answers its lines until `quit`, accepts the second, and
 *    returns at `shutdown`. Every answer waits in the client's receive buffer.
 * 4. The client reads the answers line by line (`PHP_NORMAL_READ`) and the
 *    transcript is printed in conversation order.
 *
 * A few hundred bytes fit easily in the socket buffers, so no call ever
 * blocks for long and nothing can deadlock. Each session ends exactly on a
 * line the server reads (`quit` or `shutdown`), so the server never closes
 * a connection with unread data (which would reset it). The demo checks
 * every answer and exits with status 1 if one is wrong.
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
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_strerror,
  socket_write,
  SOL_TCP,
  textToByteString,
  withoutWarnings,
} from "../mod.ts";
import { runTalkbackServer, trim, WELCOME } from "./talkback_server.ts";

const ADDRESS = "127.0.0.1";

/** What the client types, one list per connection; each ends with quit or shutdown. */
const SESSIONS: string[][] = [
  ["Hello, PHP Test Server", "", textToByteString("Grüße, 你好"), "quit"],
  ["Are you still there?", "shutdown"],
];

/** Throws unless `value` is not false; `what` names the call for the message. */
function check<T>(value: T | false, what: string, socket?: Socket): T {
  if (value === false) {
    const code = socket_last_error(socket);
    throw new Error(`${what} failed: [${code}] ${socket_strerror(code)}`);
  }
  return value;
}

/** One transcript line: the prefix and the byte string shown as UTF-8 text. */
function say(prefix: string, bytes: string): void {
  console.log(prefix + byteStringToText(bytes).replace(/\n$/, ""));
}

/** Reads one line from the server and checks it is `expected`. */
function expectLine(client: Socket, expected: string): void {
  const line = check(socket_read(client, 2048, PHP_NORMAL_READ), "socket_read()", client);
  if (line !== expected) {
    throw new Error(
      `expected ${JSON.stringify(expected)} from the server, got ${JSON.stringify(line)}`,
    );
  }
  say("S: ", line);
}

function main(): void {
  const runtime = typeof Bun !== "undefined" ? `Bun ${Bun.version}` : `Deno ${Deno.version.deno}`;
  console.log(`php-sockets demo on ${runtime}`);
  console.log(`The PHP manual's talkback server on ${ADDRESS}, driven by a scripted client.`);

  // 1. The server socket, as in the manual (but on the loopback address).
  const server = check(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), "socket_create()");
  check(socket_bind(server, ADDRESS, 0), "socket_bind()", server);
  check(socket_listen(server, 5), "socket_listen()", server);
  const port: Ref<number> = { value: 0 };
  check(socket_getsockname(server, { value: "" }, port), "socket_getsockname()", server);

  // 2. The client connects and types everything in advance.
  const clients = SESSIONS.map((lines) => {
    const client = check(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), "socket_create()");
    check(socket_connect(client, ADDRESS, port.value), "socket_connect()", client);
    const typed = lines.map((line) => line + "\n").join("");
    const written = check(socket_write(client, typed), "socket_write()", client);
    if (written !== typed.length) throw new Error(`short write: ${written} of ${typed.length}`);
    return client;
  });

  // 3. The server serves both connections and returns at "shutdown".
  const serverConsole: string[] = [];
  runTalkbackServer(server, (line) => serverConsole.push(line));
  socket_close(server);

  // 4. The client reads the answers: the transcript.
  SESSIONS.forEach((lines, i) => {
    const client = clients[i];
    console.log(`-- connection ${i + 1}`);
    for (const line of WELCOME.match(/[^\n]*\n/g)!) expectLine(client, line);
    for (const line of lines) {
      say("C: ", line);
      const said = trim(line);
      if (said !== "" && said !== "0" && said !== "quit" && said !== "shutdown") {
        expectLine(client, `PHP: You said '${said}'.\n`);
      }
    }
    // The server closed the connection after quit/shutdown: end of file.
    const rest = check(socket_read(client, 2048, PHP_NORMAL_READ), "socket_read()", client);
    if (rest !== "") throw new Error(`expected end of file, got ${JSON.stringify(rest)}`);
    socket_close(client);
  });

  const expected = SESSIONS.flat().map(trim).filter((l) =>
    !["", "0", "quit", "shutdown"].includes(l)
  );
  if (JSON.stringify(serverConsole) !== JSON.stringify(expected)) {
    throw new Error(
      `server console: expected ${JSON.stringify(expected)}, got ${JSON.stringify(serverConsole)}`,
    );
  }
  console.log("-- the server's console (the manual's echo \"$buf\\n\")");
  for (const line of serverConsole) say("", line);

  console.log("-- after shutdown");
  const late = check(socket_create(AF_INET, SOCK_STREAM, SOL_TCP), "socket_create()");
  // PHP's `@socket_connect(...)`: a refused connection returns false and
  // records the error code, without a warning.
  const connected = withoutWarnings(() => socket_connect(late, ADDRESS, port.value));
  const code = socket_last_error(late);
  console.log(`C: socket_connect() = ${connected}: [${code}] ${socket_strerror(code)}`);
  socket_close(late);
  if (connected !== false) throw new Error("the server is still listening after shutdown");
}

try {
  main();
} catch (error) {
  console.error(`demo failed: ${(error as Error).message}`);
  process.exit(1);
}
