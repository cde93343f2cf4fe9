// Port of php-src ext/sockets/tests/socket_set_option_rcvtimeo.phpt.
// Twin of socket_set_option_rcvtimeo.php.
import {
  AF_INET,
  AF_UNIX,
  SO_RCVTIMEO,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_create,
  socket_create_pair,
  socket_get_option,
  socket_last_error,
  socket_read,
  socket_set_block,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, render, show } from "./_dump.ts";

const socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_set_block(socket);

attempt("empty array", () => socket_set_option(socket, SOL_SOCKET, SO_RCVTIMEO, []));

const options = { sec: 1, usec: 0 };
const retval2 = socket_set_option(socket, SOL_SOCKET, SO_RCVTIMEO, options);
const retval3 = socket_get_option(socket, SOL_SOCKET, SO_RCVTIMEO);
show("socket_set_option", retval2);
show("identical", render(retval3) === render(options));
socket_close(socket);

const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
show("0.2 s", socket_set_option(pair[0], SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 200000 }));
const start = performance.now();
show("read", socket_read(pair[0], 10));
const waited = (performance.now() - start) / 1000;
show("waited 0.2 s", waited >= 0.15 && waited < 5);
show("socket_last_error($pair[0])", socket_last_error(pair[0]));
socket_close(pair[0]);
socket_close(pair[1]);
