// Port of php-src ext/sockets/tests/socket_sendrecvmsg_error.phpt. Twin of
// socket_sendrecvmsg_error.php.
import {
  AF_INET,
  type RecvMessage,
  SOCK_DGRAM,
  type Socket,
  socket_create,
  socket_last_error,
  socket_recvmsg,
  socket_sendmsg,
  SOL_UDP,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
show("sendmsg", socket_sendmsg(socket, {}, -1));
show("last error", socket_last_error(socket));
const message = { controllen: 1 } as RecvMessage;
show("recvmsg", socket_recvmsg(socket, message, -1));
show("last error", socket_last_error(socket));
show("message", message);
