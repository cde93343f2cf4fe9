// Port of php-src ext/sockets/tests/socket_addrinfo_lookup.phpt. Twin of
// socket_addrinfo_lookup.php.
import {
  type AddressInfo,
  AF_INET,
  SOCK_DGRAM,
  socket_addrinfo_explain,
  socket_addrinfo_lookup,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

attempt("unknown hint", () =>
  socket_addrinfo_lookup(
    "127.0.0.1",
    0,
    {
      ai_family: AF_INET,
      ai_socktype: SOCK_DGRAM,
      invalid: null,
    } as unknown as Parameters<typeof socket_addrinfo_lookup>[2],
  ));
const addrinfo = socket_addrinfo_lookup("127.0.0.1", 0, {
  ai_family: AF_INET,
  ai_socktype: SOCK_DGRAM,
}) as AddressInfo[];
show("count", addrinfo.length);
show("first", addrinfo[0]);
const e = socket_addrinfo_explain(addrinfo[0]) as unknown as Record<string, unknown>;
delete e.ai_canonname;
show("explain", e);
console.log("Done");
