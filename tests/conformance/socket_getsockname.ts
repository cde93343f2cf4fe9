// Port of php-src ext/sockets/tests/socket_getsockname.phpt.
// Twin of socket_getsockname.php.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_getsockname,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const sBind = socket_bind(sC, "127.0.0.1", 0);
show("socket_bind", sBind);
const ip = ref("untouched");
const port = ref("untouched");
const sConn = socket_getsockname(sC, ip, port);
show("socket_getsockname", sConn);
show("ip", ip.value);
show("port is an int > 0", Number.isInteger(port.value) && port.value > 0);
const again = ref(null);
socket_getsockname(sC, ip, again);
show("same port again", again.value === port.value);
socket_close(sC);
