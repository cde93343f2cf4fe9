// Port of php-src ext/sockets/tests/socket_bind_invalid_port.phpt (PHP 8.5).
// Twin of socket_bind_invalid_port.php, whose expected output is written by hand.
import {
  AF_INET,
  AF_INET6,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_last_error,
  socket_sendto,
  SOL_TCP,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
attempt("socket_bind port -1", () => socket_bind(sC, "127.0.0.1", -1));
attempt("socket_bind port 65536", () => socket_bind(sC, "127.0.0.1", 65536));
attempt("socket_connect port -1", () => socket_connect(sC, "127.0.0.1", -1));
attempt("socket_connect port 65536", () => socket_connect(sC, "127.0.0.1", 65536));
show("socket_last_error($s_c)", socket_last_error(sC));
show("socket_bind port 0", socket_bind(sC, "127.0.0.1", 0));
socket_close(sC);

const u = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
attempt("socket_sendto port 65536", () => socket_sendto(u, "x", 1, 0, "::1", 65536));
attempt("socket_sendto port -1", () => socket_sendto(u, "x", 1, 0, "::1", -1));
attempt("socket_sendto port 65535", () => socket_sendto(u, "x", 1, 0, "::1", 65535));
socket_close(u);
