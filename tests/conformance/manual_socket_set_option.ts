// The PHP manual's socket_set_option() example. Twin of manual_socket_set_option.php.
import {
  AF_INET,
  SO_REUSEADDR,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_create,
  socket_get_option,
  socket_last_error,
  socket_set_option,
  socket_strerror,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";

/** PHP's is_resource(): a Socket is an object since PHP 8, never a resource. */
function isResource(_value: unknown): boolean {
  return false;
}

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;

if (!isResource(socket)) {
  console.log("Unable to create socket: " + socket_strerror(socket_last_error()));
}

if (!socket_set_option(socket, SOL_SOCKET, SO_REUSEADDR, 1)) {
  console.log("Unable to set option on socket: " + socket_strerror(socket_last_error()));
}

if (!socket_bind(socket, "127.0.0.1", 0)) {
  console.log("Unable to bind socket: " + socket_strerror(socket_last_error()));
}

const rval = socket_get_option(socket, SOL_SOCKET, SO_REUSEADDR);

if (rval === false) {
  console.log("Unable to get socket option: " + socket_strerror(socket_last_error()));
} else if (rval !== 0) {
  console.log("SO_REUSEADDR is set on socket !");
}
