// Port of php-src ext/sockets/tests/socket_atmark.phpt (PHP 8.3+).
// Twin of socket_atmark.php, whose expected output is written by hand.
import {
  AF_INET,
  AF_UNIX,
  MSG_OOB,
  SO_OOBINLINE,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_atmark,
  socket_close,
  socket_create,
  socket_create_pair,
  socket_last_error,
  socket_recv,
  socket_send,
  socket_set_option,
  socket_write,
  SOL_SOCKET,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, ref, show } from "./_dump.ts";

const sockets: Socket[] = [];
show("socket_create_pair", socket_create_pair(AF_UNIX, SOCK_STREAM, 0, sockets));
show("write \"a\"", socket_write(sockets[0], "a"));
show("send \"b\" MSG_OOB", socket_send(sockets[0], "b", 1, MSG_OOB));
show("write \"c\"", socket_write(sockets[0], "c"));

const data = ref("");
show("socket_atmark", socket_atmark(sockets[1]));
show("SO_OOBINLINE", socket_set_option(sockets[1], SOL_SOCKET, SO_OOBINLINE, 1));
show("socket_atmark", socket_atmark(sockets[1]));
socket_recv(sockets[1], data, 1, 0);
show("recv", data.value);
show("socket_atmark", socket_atmark(sockets[1]));
socket_recv(sockets[1], data, 1, 0);
show("recv", data.value);
show("socket_atmark", socket_atmark(sockets[1]));
socket_recv(sockets[1], data, 1, 0);
show("recv", data.value);
show("socket_atmark", socket_atmark(sockets[1]));

socket_close(sockets[0]);
socket_close(sockets[1]);

const udp = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
show("socket_atmark on UDP", socket_atmark(udp));
show("socket_last_error($udp)", socket_last_error(udp));
socket_close(udp);
attempt("socket_atmark on a closed socket", () => socket_atmark(udp));
