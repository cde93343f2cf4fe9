// Port of php-src ext/sockets/tests/socket_shutdown.phpt, on loopback.
// Twin of socket_shutdown.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_shutdown,
  socket_write,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(server, "127.0.0.1", 0);
socket_listen(server, 5);
const addr = ref();
const port = ref();
socket_getsockname(server, addr, port);

function connected(): [Socket, Socket] {
  const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
  socket_connect(socket, "127.0.0.1", port.value);
  return [socket, socket_accept(server) as Socket];
}

let [socket, peer] = connected();
show("shutdown 0", socket_shutdown(socket, 0));
show("  own read is at end of file", socket_read(socket, 10));
show("  peer can still write", socket_write(peer, "x"));
socket_close(socket);
socket_close(peer);

[socket, peer] = connected();
show("shutdown 1", socket_shutdown(socket, 1));
show("  peer reads end of file", socket_read(peer, 10));
show("  own write", socket_write(socket, "x"));
socket_close(socket);
socket_close(peer);

[socket, peer] = connected();
show("shutdown 2", socket_shutdown(socket, 2));
show("  peer reads end of file", socket_read(peer, 10));
socket_close(socket);
socket_close(peer);

socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
show("unconnected, shutdown 0", socket_shutdown(socket, 0));

socket_connect(socket, "127.0.0.1", port.value);
peer = socket_accept(server) as Socket;
show("shutdown -1", socket_shutdown(socket, -1));
show("socket_last_error($socket)", socket_last_error(socket));
socket_close(socket);
socket_close(peer);
socket_close(server);
