// Port of php-src ext/sockets/tests/socket_create_pair_sockexec.phpt (PHP 8.4).
// Twin of socket_create_pair_sockexec.php, whose expected output is written by hand.
import {
  AF_INET,
  AF_UNIX,
  SO_TYPE,
  SOCK_CLOEXEC,
  SOCK_DGRAM,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_create_pair,
  socket_get_option,
  socket_last_error,
  socket_read,
  socket_recvfrom,
  SOL_SOCKET,
} from "../../mod.ts";
import { attempt, ref, show } from "./_dump.ts";

const sockets: Socket[] = [];
attempt("type 11 | SOCK_CLOEXEC", () => socket_create_pair(AF_UNIX, 11 | SOCK_CLOEXEC, 0, sockets));
attempt(
  "type 11 | SOCK_NONBLOCK",
  () => socket_create_pair(AF_UNIX, 11 | SOCK_NONBLOCK, 0, sockets),
);
attempt(
  "type 11 | both",
  () => socket_create_pair(AF_UNIX, 11 | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sockets),
);
attempt("type 31337", () => socket_create_pair(AF_INET, 31337, 0, sockets));
attempt(
  "SOCK_STREAM | both",
  () => socket_create_pair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sockets),
);
show("read with nothing to read", socket_read(sockets[0], 10));
show("socket_last_error($sockets[0])", socket_last_error(sockets[0]));
show("SO_TYPE", socket_get_option(sockets[1], SOL_SOCKET, SO_TYPE));
socket_close(sockets[0]);
socket_close(sockets[1]);

const s = attempt(
  "socket_create SOCK_DGRAM | SOCK_NONBLOCK",
  () => socket_create(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0),
) as Socket;
socket_bind(s, "127.0.0.1", 0);
const buf = ref("untouched");
const from = ref("untouched");
const port = ref("untouched");
show("recvfrom with nothing to read", socket_recvfrom(s, buf, 10, 0, from, port));
show("socket_last_error($s)", socket_last_error(s));
show("SO_TYPE", socket_get_option(s, SOL_SOCKET, SO_TYPE));
socket_close(s);
attempt("socket_create type 11 | SOCK_CLOEXEC", () => socket_create(AF_INET, 11 | SOCK_CLOEXEC, 0));
