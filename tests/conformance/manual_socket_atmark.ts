// The PHP manual's socket_atmark() example (PHP 8.3+).
// Twin of manual_socket_atmark.php, whose expected output is written by hand.
import {
  AF_INET,
  MSG_OOB,
  SO_REUSEADDR,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_atmark,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_listen,
  socket_recv,
  socket_send,
  socket_set_option,
  socket_shutdown,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { ref } from "./_dump.ts";

/** PHP's string interpolation of a scalar: false and null are "". */
function php(value: unknown): string {
  return value === false || value === null ? "" : String(value);
}

const socketServer = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_set_option(socketServer, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind(socketServer, "127.0.0.1", 0);
socket_listen(socketServer);

const socketClient = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const stAddr = ref();
const uPort = ref();
socket_getsockname(socketServer, stAddr, uPort);
socket_connect(socketClient, stAddr.value, uPort.value);

const socket = socket_accept(socketServer) as Socket;
socket_shutdown(socket, 1);

const st = ref("This is normal data.");
socket_send(socketClient, st.value, st.value.length, 0);
st.value = "!"; // TCP only allows one byte of urgent data.
socket_send(socketClient, st.value, st.value.length, MSG_OOB);
st.value = "Not so urgent.";
socket_send(socketClient, st.value, st.value.length, 0);
socket_shutdown(socketClient);

let rc: number | false;
do {
  if (socket_atmark(socket)) {
    rc = socket_recv(socket, st, 65536, MSG_OOB);
    console.log(`Received urgent data: (${php(rc)}) ${php(st.value)}`);
  } else {
    rc = socket_recv(socket, st, 1024, 0);
    console.log(`Received normal data: (${php(rc)}) ${php(st.value)}`);
  }
} while (rc !== false && rc > 0);
socket_close(socketServer);
socket_close(socketClient);
socket_close(socket);
