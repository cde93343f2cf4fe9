// Port of php-src ext/sockets/tests/ipv6loop.phpt. Twin of ipv6loop.php.
import {
  AF_INET6,
  PHP_BINARY_READ,
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
  socket_write,
  SOL_TCP,
} from "../../mod.ts";
import { ref, run, show } from "./_dump.ts";

const server = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP) as Socket;
show("server", server);
show("socket_bind", socket_bind(server, "::1", 0));
show("socket_listen", socket_listen(server, 2));
const unused = ref();
const port = ref();
show("socket_getsockname", socket_getsockname(server, unused, port));
show("address", unused.value);
show("port > 0", port.value > 0);

const client = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP) as Socket;
show("client", client);
show("socket_connect", socket_connect(client, "::1", port.value));
const socket = socket_accept(server) as Socket;
show("socket_accept", socket);

show("socket_write", socket_write(client, "ABCdef123\n"));
show("socket_read", socket_read(socket, 10, PHP_BINARY_READ));
show("answer", socket_write(socket, "OK\n"));
show("client reads", socket_read(client, 10, PHP_BINARY_READ));
run("socket_close client", () => socket_close(client));
show("end of file", socket_read(socket, 10, PHP_BINARY_READ));
run("socket_close accepted", () => socket_close(socket));
run("socket_close server", () => socket_close(server));
show("socket_last_error()", socket_last_error());
