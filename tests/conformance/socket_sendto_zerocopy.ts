// Port of php-src ext/sockets/tests/socket_sendto_zerocopy.phpt.
// Twin of socket_sendto_zerocopy.php.
import {
  AF_INET,
  MSG_ZEROCOPY,
  SO_ZEROCOPY,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_get_option,
  socket_getsockname,
  socket_recvfrom,
  socket_sendto,
  socket_set_nonblock,
  socket_set_option,
  SOL_SOCKET,
  SOL_UDP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
show("SO_ZEROCOPY default", socket_get_option(socket, SOL_SOCKET, SO_ZEROCOPY));
show("set SO_ZEROCOPY", socket_set_option(socket, SOL_SOCKET, SO_ZEROCOPY, 1));
show("SO_ZEROCOPY", socket_get_option(socket, SOL_SOCKET, SO_ZEROCOPY));
show("socket_set_nonblock", socket_set_nonblock(socket));
const address = "127.0.0.1";
show("socket_bind", socket_bind(socket, address, 0));

const receiver = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
socket_bind(receiver, address, 0);
const unused = ref();
const port = ref();
socket_getsockname(receiver, unused, port);

const msg = "0123456789abcdef".repeat(1024);
const len = msg.length;
const bytesSent = socket_sendto(socket, msg, len, MSG_ZEROCOPY, address, port.value);
console.log(`${bytesSent} sent!`);
const buf = ref();
const from = ref();
const fromport = ref();
show("received", socket_recvfrom(receiver, buf, 65536, 0, from, fromport));
show("same bytes", buf.value === msg);
socket_close(socket);
socket_close(receiver);
