// Port of php-src ext/sockets/tests/socket_set_nonblock-retval.phpt.
// Twin of socket_set_nonblock-retval.php.
import {
  AF_INET,
  SO_TYPE,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_get_option,
  socket_last_error,
  socket_listen,
  socket_set_nonblock,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(socket, "127.0.0.1", 0);
socket_listen(socket);
show("socket_set_nonblock", socket_set_nonblock(socket));
show("again", socket_set_nonblock(socket));
show("SO_TYPE", socket_get_option(socket, SOL_SOCKET, SO_TYPE));
show("socket_last_error($socket)", socket_last_error(socket));
socket_close(socket);

const socket2 = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_close(socket2);
attempt("closed", () => socket_set_nonblock(socket2));
