// Port of php-src ext/sockets/tests/socket_clear_error.phpt.
// Twin of socket_clear_error.php (PHP's void result is null there, undefined here).
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, ref, show } from "./_dump.ts";

const probe = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(probe, "127.0.0.1", 0);
const addr = ref();
const port = ref();
socket_getsockname(probe, addr, port);
socket_close(probe);

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const socketConn = socket_connect(socket, "127.0.0.1", port.value);
show("socket_connect", socketConn);
show("socket_last_error($socket)", socket_last_error(socket));
show("socket_last_error()", socket_last_error());
show("socket_clear_error($socket)", socket_clear_error(socket) ?? null);
show("socket_last_error($socket)", socket_last_error(socket));
show("socket_last_error()", socket_last_error());
show("socket_clear_error()", socket_clear_error() ?? null);
show("socket_last_error()", socket_last_error());
show("socket_clear_error(null)", socket_clear_error(null) ?? null);
socket_close(socket);
attempt("socket_clear_error on a closed socket", () => socket_clear_error(socket));
attempt("socket_last_error on a closed socket", () => socket_last_error(socket));
