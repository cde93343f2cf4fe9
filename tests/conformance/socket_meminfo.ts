// Port of php-src ext/sockets/tests/socket_meminfo.phpt. Twin of socket_meminfo.php.
import {
  AF_INET,
  PHP_BINARY_READ,
  SO_MEMINFO,
  SO_RCVBUF,
  SO_SNDBUF,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_get_option,
  socket_getsockname,
  socket_listen,
  socket_read,
  socket_write,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(server, "127.0.0.1", 0);
socket_listen(server, 2);
const unused = ref();
const port = ref();
socket_getsockname(server, unused, port);
const client = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_connect(client, "127.0.0.1", port.value);
const socket = socket_accept(server) as Socket;

socket_write(client, "SO_MEMINFO\n");
show("read", socket_read(socket, "SO_MEMINFO".length, PHP_BINARY_READ));
const data = socket_get_option(socket, SOL_SOCKET, SO_MEMINFO) as Record<string, number>;
show("keys", Object.keys(data));
show(
  "all integers >= 0",
  Object.values(data).filter((v) => Number.isInteger(v) && v >= 0).length === 9,
);
show("rmem_alloc > 0", data.rmem_alloc > 0);
show("rcvbuf is SO_RCVBUF", data.rcvbuf === socket_get_option(socket, SOL_SOCKET, SO_RCVBUF));
show("sndbuf is SO_SNDBUF", data.sndbuf === socket_get_option(socket, SOL_SOCKET, SO_SNDBUF));
show("drops", data.drops);

socket_close(client);
socket_close(socket);
socket_close(server);
