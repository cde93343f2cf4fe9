// Port of php-src ext/sockets/tests/socket_getpeername_ipv4loop.phpt.
// Twin of socket_getpeername_ipv4loop.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_listen,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const localhost = "127.0.0.1";
const server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(server, localhost, 0);
socket_listen(server, 2);
const unused = ref();
const port = ref();
socket_getsockname(server, unused, port);
const client = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
show("socket_connect", socket_connect(client, localhost, port.value));
const socket = socket_accept(server) as Socket;

const address = ref("untouched");
const peerport = ref("untouched");
show("socket_getpeername", socket_getpeername(client, address, peerport));
show("address", address.value);
show("peer port is the server port", port.value === peerport.value);

const caddr = ref();
const cport = ref();
socket_getsockname(client, caddr, cport);
show("accepted socket_getpeername", socket_getpeername(socket, address, peerport));
show("address is the client address", address.value === caddr.value);
show("port is the client port", peerport.value === cport.value);
show("client port differs", cport.value !== port.value);
show("only the address", socket_getpeername(socket, address));
show("address", address.value);

socket_close(client);
socket_close(socket);
socket_close(server);
