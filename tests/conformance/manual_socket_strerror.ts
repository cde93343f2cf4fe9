// The PHP manual's socket_strerror() example. Twin of manual_socket_strerror.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_strerror,
  SOL_TCP,
  withoutWarnings,
} from "../../mod.ts";
import { ref } from "./_dump.ts";

const holder = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(holder, "127.0.0.1", 0);
const addr = ref();
const port = ref();
socket_getsockname(holder, addr, port);

const socket = withoutWarnings(() => socket_create(AF_INET, SOCK_STREAM, SOL_TCP));
if (socket === false) {
  console.log("socket_create() failed: reason: " + socket_strerror(socket_last_error()));
} else if (false === withoutWarnings(() => socket_bind(socket, "127.0.0.1", port.value))) {
  console.log("socket_bind() failed: reason: " + socket_strerror(socket_last_error(socket)));
}
