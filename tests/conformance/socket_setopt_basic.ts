// Port of php-src ext/sockets/tests/socket_setopt_basic.phpt.
// Twin of socket_setopt_basic.php.
import {
  AF_INET,
  SO_SNDTIMEO,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_getopt,
  socket_set_block,
  socket_setopt,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { render, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_set_block(socket);

const options = { sec: 1, usec: 0 };
const retval1 = socket_setopt(socket, SOL_SOCKET, SO_SNDTIMEO, options);
const retval2 = socket_getopt(socket, SOL_SOCKET, SO_SNDTIMEO);
show("socket_setopt", retval1);
show("identical", render(retval2) === render(options));
show("socket_getopt", retval2);

show("2.5 s", socket_setopt(socket, SOL_SOCKET, SO_SNDTIMEO, { sec: 2, usec: 500000 }));
show("socket_getopt", socket_getopt(socket, SOL_SOCKET, SO_SNDTIMEO));
show("none", socket_setopt(socket, SOL_SOCKET, SO_SNDTIMEO, { usec: 0, sec: 0 }));
show("socket_getopt", socket_getopt(socket, SOL_SOCKET, SO_SNDTIMEO));
socket_close(socket);
