// The PHP manual's socket_set_block() and socket_set_nonblock() examples.
// Twin of manual_socket_set_block.php.
import {
  AF_INET,
  SO_RCVTIMEO,
  SO_REUSEADDR,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_set_block,
  socket_set_nonblock,
  socket_set_option,
  socket_strerror,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
if (!socket) {
  console.log(socket_strerror(socket_last_error()));
}
socket_bind(socket, "127.0.0.1", 0);
socket_listen(socket);
if (!socket_set_option(socket, SOL_SOCKET, SO_REUSEADDR, 1)) {
  console.log(socket_strerror(socket_last_error()));
}
if (!socket_set_nonblock(socket)) { // Socket $socket is now nonblocking
  console.log(socket_strerror(socket_last_error()));
}
let start = performance.now();
show("nonblocking accept", socket_accept(socket));
show("  at once", performance.now() - start < 250);
console.log(`  ${socket_strerror(socket_last_error())}`);

if (!socket_set_block(socket)) { // Socket $socket is now blocking
  console.log(socket_strerror(socket_last_error()));
}
socket_set_option(socket, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 500000 });
start = performance.now();
show("blocking accept", socket_accept(socket));
show("  waited", performance.now() - start >= 400);
console.log(`  ${socket_strerror(socket_last_error())}`);
socket_close(socket);
