// Port of php-src ext/sockets/tests/socket_addrinfo_explain.phpt and
// socket_addrinfo_connect.phpt. Twin of socket_addrinfo_explain.php.
import {
  type AddressInfo,
  AF_INET,
  SOCK_DGRAM,
  socket_addrinfo_connect,
  socket_addrinfo_explain,
  socket_addrinfo_lookup,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const addrinfo = socket_addrinfo_lookup("127.0.0.1", 2000, {
  ai_family: AF_INET,
  ai_socktype: SOCK_DGRAM,
}) as AddressInfo[];
const result: Record<string, unknown> = { ...socket_addrinfo_explain(addrinfo[0]) };
// Musl sets ai_canonname even if AI_CANONNAME is not specified.
delete result.ai_canonname;
show("explain", result);
show("connect", socket_addrinfo_connect(addrinfo[0]));
console.log("Done");
