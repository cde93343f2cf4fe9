// Port of php-src ext/sockets/tests/socket_sentto_recvfrom_unix.phpt.
// Twin of socket_sentto_recvfrom_unix.php.
import { unlinkSync } from "node:fs";
import {
  AF_UNIX,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  socket_recvfrom,
  socket_sendto,
  socket_set_nonblock,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, makeTempDir, ref, rel, removeTempDir, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

show("create with SOL_UDP", socket_create(AF_UNIX, SOCK_DGRAM, SOL_UDP));
show("socket_last_error()", socket_last_error());
const socket = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("socket_set_nonblock", socket_set_nonblock(socket));
const buf = ref("untouched");
const from = ref("untouched");
const port = ref("untouched");
show("recvfrom before bind", socket_recvfrom(socket, buf, 12, 0, from, port));
show("values", [buf.value, from.value, port.value]);
show("socket_last_error($socket)", socket_last_error(socket));

const dir = makeTempDir();
const address = `${dir}/ping.sock`;
show("socket_bind", socket_bind(socket, address));

const msg = "Ping!";
const len = msg.length;
attempt("sendto without an address", () => untyped(socket_sendto, socket, msg, len, 0));
show("socket_sendto", socket_sendto(socket, msg, len, 0, address));

from.value = "";
show("recvfrom length 0", socket_recvfrom(socket, buf, 0, 0, from));
show("values", [buf.value, from.value]);
port.value = "untouched";
const bytesReceived = socket_recvfrom(socket, buf, 12, 0, from, port);
show("socket_recvfrom", bytesReceived);
console.log(`Received ${buf.value}`);
show("from", rel(from.value, dir));
show("port", port.value);

socket_close(socket);
unlinkSync(address);
removeTempDir(dir);
