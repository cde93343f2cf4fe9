// Port of php-src ext/sockets/tests/socket_create_pair.phpt.
// Twin of socket_create_pair.php.
import {
  AF_UNIX,
  SO_TYPE,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create_pair,
  socket_get_option,
  socket_getpeername,
  socket_read,
  socket_write,
  SOL_SOCKET,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const sockets: Socket[] = [];
show("socket_create_pair", socket_create_pair(AF_UNIX, SOCK_STREAM, 0, sockets));
show("sockets", sockets);
show("distinct", sockets[0] !== sockets[1]);
show("SO_TYPE", [
  socket_get_option(sockets[0], SOL_SOCKET, SO_TYPE),
  socket_get_option(sockets[1], SOL_SOCKET, SO_TYPE),
]);
show("0 -> 1", `${socket_write(sockets[0], "x")} ${socket_read(sockets[1], 10)}`);
show("1 -> 0", `${socket_write(sockets[1], "yz")} ${socket_read(sockets[0], 10)}`);
const addr = ref();
show("getpeername", socket_getpeername(sockets[0], addr));
show("peer address", addr.value);
socket_close(sockets[0]);
socket_close(sockets[1]);
