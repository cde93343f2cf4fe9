// The PHP manual's socket_recvfrom() and socket_sendto() examples.
// Twin of manual_socket_recvfrom.php.
import {
  AF_INET,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_getsockname,
  socket_recvfrom,
  socket_sendto,
  SOL_UDP,
} from "../../mod.ts";
import { ref } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
socket_bind(socket, "127.0.0.1", 0);
const unused = ref();
const receiverPort = ref();
socket_getsockname(socket, unused, receiverPort);

// The socket_sendto() example.
const sock = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
const msg = "Ping !";
const len = msg.length;
socket_sendto(sock, msg, len, 0, "127.0.0.1", receiverPort.value);
const senderPort = ref();
socket_getsockname(sock, unused, senderPort);
socket_close(sock);

const buf = ref();
const from = ref("");
const port = ref(0);
socket_recvfrom(socket, buf, 12, 0, from, port);

console.log(
  `Received ${buf.value} from remote address ${from.value} and remote port ${
    port.value === senderPort.value ? "PORT" : port.value
  }`,
);
socket_close(socket);
