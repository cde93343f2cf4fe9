// socket_addrinfo_lookup / _explain / _bind / _connect: result shapes, hints,
// failures, and sockets made from the results. Numeric hosts only (host
// names are in addrinfo_names.ts). Twin of addrinfo.php.
import {
  AddressInfo,
  AF_INET,
  AF_INET6,
  AF_UNIX,
  AI_CANONNAME,
  AI_NUMERICSERV,
  AI_PASSIVE,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_addrinfo_bind,
  socket_addrinfo_connect,
  socket_addrinfo_explain,
  socket_addrinfo_lookup,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_strerror,
  socket_write,
  SOL_UDP,
} from "../../mod.ts";
import { attempt, ref, section, show } from "./_dump.ts";

function explainAll(label: string, infos: AddressInfo[] | false): void {
  if (infos === false) {
    console.log(`${label}: false`);
    return;
  }
  console.log(`${label}: ${infos.length} result(s)`);
  infos.forEach((info, i) => show(`  [${i}]`, socket_addrinfo_explain(info)));
}

section("lookups");
explainAll("127.0.0.1", socket_addrinfo_lookup("127.0.0.1"));
explainAll(
  "127.0.0.1:80 stream",
  socket_addrinfo_lookup("127.0.0.1", "80", { ai_socktype: SOCK_STREAM }),
);
explainAll(
  "::1 dgram canonname",
  socket_addrinfo_lookup("::1", "80", {
    ai_flags: AI_CANONNAME,
    ai_family: AF_INET6,
    ai_socktype: SOCK_DGRAM,
  }),
);
explainAll(
  "passive v6",
  socket_addrinfo_lookup("::", "0", {
    ai_flags: AI_PASSIVE,
    ai_family: AF_INET6,
    ai_socktype: SOCK_STREAM,
  }),
);
explainAll(
  "service by name",
  socket_addrinfo_lookup("127.0.0.1", "http", { ai_socktype: SOCK_STREAM }),
);
explainAll(
  "numeric service flag",
  socket_addrinfo_lookup("127.0.0.1", "7", { ai_flags: AI_NUMERICSERV, ai_protocol: SOL_UDP }),
);

section("failures return false silently");
explainAll("unknown service", socket_addrinfo_lookup("127.0.0.1", "no-such-service"));
explainAll("AF_UNIX family", socket_addrinfo_lookup("127.0.0.1", null, { ai_family: AF_UNIX }));
explainAll("v6 address, v4 family", socket_addrinfo_lookup("::1", null, { ai_family: AF_INET }));
explainAll("empty host", socket_addrinfo_lookup(""));
show("socket_last_error()", socket_last_error());

section("argument errors");
attempt(
  "unknown key",
  () => socket_addrinfo_lookup("127.0.0.1", null, { ai_flags: 0, flags: 1 } as never),
);
attempt("new AddressInfo", () => new AddressInfo());
attempt("explain(string)", () => socket_addrinfo_explain("x" as never));
attempt("bind(null)", () => socket_addrinfo_bind(null as never));

section("bind and connect");
let infos = socket_addrinfo_lookup("127.0.0.1", "0", {
  ai_socktype: SOCK_STREAM,
  ai_family: AF_INET,
}) as AddressInfo[];
const server = socket_addrinfo_bind(infos[0]) as Socket;
show("bound", server);
const addr = ref();
const port = ref();
socket_getsockname(server, addr, port);
show("address", addr.value);
show("port > 0", port.value > 0);
socket_listen(server);
infos = socket_addrinfo_lookup("127.0.0.1", String(port.value), {
  ai_socktype: SOCK_STREAM,
  ai_family: AF_INET,
}) as AddressInfo[];
const client = socket_addrinfo_connect(infos[0]) as Socket;
show("connected", client);
const conn = socket_accept(server) as Socket;
socket_write(client, "over addrinfo\n");
show("received", socket_read(conn, 100));
show("second bind to the same port", socket_addrinfo_bind(infos[0]));
show("socket_last_error()", socket_last_error());
socket_close(conn);
socket_close(client);
socket_close(server);
const refused = socket_addrinfo_lookup("127.0.0.1", String(port.value), {
  ai_socktype: SOCK_STREAM,
  ai_family: AF_INET,
}) as AddressInfo[];
show("connect to a closed port", socket_addrinfo_connect(refused[0]));
show("socket_last_error()", socket_last_error());
const v6 = socket_addrinfo_lookup("::1", "0", {
  ai_socktype: SOCK_DGRAM,
  ai_family: AF_INET6,
}) as AddressInfo[];
const u = socket_addrinfo_bind(v6[0]) as Socket;
socket_getsockname(u, addr, port);
show("udp v6 bound", [addr.value, port.value > 0]);
socket_close(u);
const udp = socket_addrinfo_lookup("127.0.0.1", "9", {
  ai_socktype: SOCK_DGRAM,
  ai_family: AF_INET,
}) as AddressInfo[];
const c = socket_addrinfo_connect(udp[0]) as Socket;
show("udp connect (sends nothing)", c);
socket_getpeername(c, addr, port);
show("udp peer", [addr.value, port.value]);
socket_close(c);

section("numeric shorthands in socket_bind and socket_connect");
const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("bind 127.1", socket_bind(s, "127.1", 0));
socket_getsockname(s, addr, port);
show("bound to", addr.value);
show("connect \"\"", socket_connect(s, "", 80));
show("socket_last_error($s)", socket_last_error(s));
show("socket_strerror", socket_strerror(socket_last_error(s)));
socket_close(s);
