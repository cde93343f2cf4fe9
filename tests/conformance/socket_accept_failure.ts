// Port of php-src ext/sockets/tests/socket_accept_failure.phpt.
// Twin of socket_accept_failure.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  SOL_TCP,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
show("socket_accept", socket_accept(socket));
show("socket_last_error()", socket_last_error());
show("socket_last_error($socket)", socket_last_error(socket));
socket_bind(socket, "127.0.0.1", 0);
show("bound, not listening", socket_accept(socket));
socket_close(socket);
const udp = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
show("UDP", socket_accept(udp));
show("socket_last_error()", socket_last_error());
socket_close(udp);
const unix = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
show("AF_UNIX SOCK_DGRAM", socket_accept(unix));
socket_close(unix);
attempt("closed", () => socket_accept(unix));
