// Port of php-src ext/sockets/tests/socket_reuseport_cbpf.phpt (PHP 8.3).
// Twin of socket_reuseport_cbpf.php, whose expected output is written by hand.
import {
  AF_INET,
  SKF_AD_CPU,
  SKF_AD_IFINDEX,
  SKF_AD_QUEUE,
  SO_ATTACH_REUSEPORT_CBPF,
  SO_REUSEADDR,
  SO_REUSEPORT,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
show("SO_REUSEADDR", socket_set_option(socket, SOL_SOCKET, SO_REUSEADDR, true));
show("SO_REUSEPORT", socket_set_option(socket, SOL_SOCKET, SO_REUSEPORT, true));
show(
  "detach (empty array)",
  socket_set_option(socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, []),
);
show("socket_last_error($socket)", socket_last_error(socket));
show("SKF_AD_CPU", socket_set_option(socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SKF_AD_CPU));
show("socket_bind", socket_bind(socket, "127.0.0.1"));
show("socket_listen", socket_listen(socket));
show(
  "SKF_AD_QUEUE",
  socket_set_option(socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SKF_AD_QUEUE),
);
show("detach (0) still fails", socket_set_option(socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, 0));
show(
  "SKF_AD_IFINDEX",
  socket_set_option(socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SKF_AD_IFINDEX),
);
socket_close(socket);
