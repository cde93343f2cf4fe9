// Port of php-src ext/sockets/tests/socket_addrinfo_bind.phpt.
// Twin of socket_addrinfo_bind.php.
import {
  type AddressInfo,
  AF_INET,
  SOCK_DGRAM,
  type Socket,
  socket_addrinfo_bind,
  socket_addrinfo_lookup,
  socket_create,
  socket_getsockname,
  socket_recvfrom,
  socket_sendto,
  SOL_UDP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const addrinfo = socket_addrinfo_lookup("127.0.0.1", 0, {
  ai_family: AF_INET,
  ai_socktype: SOCK_DGRAM,
}) as AddressInfo[];
show("count", addrinfo.length);
const sock = socket_addrinfo_bind(addrinfo[0]) as Socket;
show("bind", sock);
const addr = ref();
const port = ref();
socket_getsockname(sock, addr, port);
show("addr", addr.value);
show("port > 0", port.value > 0);
const c = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
show("sendto", socket_sendto(c, "hello", 5, 0, "127.0.0.1", port.value));
const buf = ref();
const from = ref();
const fromPort = ref();
show("recvfrom", socket_recvfrom(sock, buf, 100, 0, from, fromPort));
show("buf", buf.value);
show("from", from.value);
console.log("Done");
