// Port of php-src ext/sockets/tests/socket_sentto_recvfrom_ipv4_udp.phpt.
// Twin of socket_sentto_recvfrom_ipv4_udp.php.
import {
  AF_INET,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_recvfrom,
  socket_sendto,
  socket_set_nonblock,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, ref, show } from "./_dump.ts";

/** Calls `fn` with arguments its TypeScript signature does not allow. */
// deno-lint-ignore ban-types
function untyped(fn: Function, ...args: unknown[]): unknown {
  return fn(...args);
}

const socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
show("socket_set_nonblock", socket_set_nonblock(socket));
const buf = ref("untouched");
const from = ref("untouched");
const port = ref("untouched");
show("recvfrom before bind", socket_recvfrom(socket, buf, 12, 0, from, port));
show("values", [buf.value, from.value, port.value]);
show("socket_last_error($socket)", socket_last_error(socket));
const address = "127.0.0.1";
attempt("sendto without a port", () => socket_sendto(socket, "", 1, 0, address));
show("socket_bind", socket_bind(socket, address, 0));
const unused = ref();
const bound = ref();
socket_getsockname(socket, unused, bound);

const msg = "Ping!";
const len = msg.length;
show("socket_sendto", socket_sendto(socket, msg, len, 0, address, bound.value));

from.value = "";
port.value = 0;
attempt("recvfrom without $address", () => untyped(socket_recvfrom, socket, buf, 12, 0));
attempt("recvfrom without $port", () => socket_recvfrom(socket, buf, 12, 0, from));
const bytesReceived = socket_recvfrom(socket, buf, 12, 0, from, port);
show("socket_recvfrom", bytesReceived);
console.log(
  `Received ${buf.value} from remote address ${from.value} and remote port ${
    port.value === bound.value ? "PORT" : port.value
  }`,
);
show("nothing left", socket_recvfrom(socket, buf, 12, 0, from, port));
socket_close(socket);
