// Port of php-src ext/sockets/tests/socket_getpeername.phpt.
// Twin of socket_getpeername.php.
import {
  AF_INET,
  AF_INET6,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  SOL_TCP,
  SOL_UDP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
const sBind = socket_bind(sC, "127.0.0.1", 0);
show("socket_bind", sBind);
const ip = ref(null);
const port = ref(null);
const sPeer = socket_getpeername(sC, ip, port);
show("socket_getpeername", sPeer);
show("ip", ip.value);
show("port", port.value);
show("socket_last_error($s_c)", socket_last_error(sC));
socket_close(sC);

const u = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
ip.value = port.value = "untouched";
show("UDP socket_getpeername", socket_getpeername(u, ip, port));
show("values", [ip.value, port.value]);
const r = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP) as Socket;
socket_bind(r, "::1", 0);
const raddr = ref();
const rport = ref();
socket_getsockname(r, raddr, rport);
show("UDP socket_connect", socket_connect(u, "::1", rport.value));
show("UDP socket_getpeername", socket_getpeername(u, ip, port));
show("ip", ip.value);
show("port is the receiver port", port.value === rport.value);
socket_close(u);
socket_close(r);
