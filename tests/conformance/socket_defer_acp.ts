// Port of php-src ext/sockets/tests/socket_defer_acp.phpt. Twin of socket_defer_acp.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_get_option,
  socket_listen,
  socket_set_option,
  SOL_TCP,
  TCP_DEFER_ACCEPT,
} from "../../mod.ts";
import { show } from "./_dump.ts";

console.log(
  "*** Test with TCP_DEFER_ACCEPT with initial SYN/ACK 'timeout' value to rounded up one ***",
);
const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const initialVal = 5;
show("socket_set_option", socket_set_option(socket, SOL_TCP, TCP_DEFER_ACCEPT, initialVal));
socket_listen(socket);
const roundedUpVal = socket_get_option(socket, SOL_TCP, TCP_DEFER_ACCEPT) as number;
show("rounded up", roundedUpVal > initialVal);
show("set 0", socket_set_option(socket, SOL_TCP, TCP_DEFER_ACCEPT, 0));
show("socket_get_option", socket_get_option(socket, SOL_TCP, TCP_DEFER_ACCEPT));
socket_close(socket);
