// Port of php-src ext/sockets/tests/socket_set_nonblock.phpt.
// Twin of socket_set_nonblock.php.
import {
  AF_INET,
  SO_RCVTIMEO,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_set_nonblock,
  socket_set_option,
  SOL_SOCKET,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const sCL = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(sCL, "127.0.0.1", 0);
socket_listen(sCL);
show("socket_set_nonblock", socket_set_nonblock(sCL));
show("socket", sCL);
show("accept with nobody waiting", socket_accept(sCL));
show("socket_last_error()", socket_last_error());
show("socket_last_error($s_c_l)", socket_last_error(sCL));
socket_clear_error();

const addr = ref();
const port = ref();
socket_getsockname(sCL, addr, port);
const client = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_connect(client, "127.0.0.1", port.value);
const conn = socket_accept(sCL) as Socket;
show("accept with a client waiting", conn);
socket_set_option(conn, SOL_SOCKET, SO_RCVTIMEO, { sec: 0, usec: 200000 });
const start = performance.now();
show("read on the accepted socket", socket_read(conn, 10));
show("it waited", performance.now() - start >= 150);
show("socket_last_error($conn)", socket_last_error(conn));
socket_close(conn);
socket_close(client);
socket_close(sCL);
