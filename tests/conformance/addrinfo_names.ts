// Host names: "localhost" from /etc/hosts through socket_addrinfo_lookup,
// socket_bind/socket_connect and the stream functions. Run only inside the
// loopback-only network namespace of scripts/test.sh. Twin of
// addrinfo_names.php.
import {
  type AddressInfo,
  AF_INET,
  AI_CANONNAME,
  AI_NUMERICHOST,
  fclose,
  fgets,
  fread,
  fwrite,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_addrinfo_explain,
  socket_addrinfo_lookup,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_listen,
  type Stream,
  STREAM_SERVER_BIND,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_sendto,
  stream_socket_server,
} from "../../mod.ts";
import { ref, section, show } from "./_dump.ts";

function explainAll(label: string, infos: AddressInfo[] | false): void {
  if (infos === false) {
    console.log(`${label}: false`);
    return;
  }
  console.log(`${label}: ${infos.length} result(s)`);
  infos.forEach((info, i) => show(`  [${i}]`, socket_addrinfo_explain(info)));
}

section("socket_addrinfo_lookup");
explainAll(
  "localhost tcp",
  socket_addrinfo_lookup("localhost", "8080", { ai_socktype: SOCK_STREAM, ai_family: AF_INET }),
);
explainAll(
  "localhost canonname",
  socket_addrinfo_lookup("localhost", null, {
    ai_flags: AI_CANONNAME,
    ai_socktype: SOCK_DGRAM,
    ai_family: AF_INET,
  }),
);
explainAll(
  "numerichost with a name",
  socket_addrinfo_lookup("localhost", null, { ai_flags: AI_NUMERICHOST }),
);

section("socket_bind and socket_connect");
const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("bind localhost", socket_bind(s, "localhost", 0));
const addr = ref();
const port = ref();
socket_getsockname(s, addr, port);
show("bound to", addr.value);
socket_listen(s);
const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("connect localhost", socket_connect(c, "localhost", port.value));
socket_close(c);
socket_close(s);

section("streams");
const server = stream_socket_server("tcp://localhost:0") as Stream;
const name = stream_socket_get_name(server, false) as string;
show("server on", name.slice(0, name.lastIndexOf(":")));
const client = stream_socket_client(
  `tcp://localhost:${name.slice(name.lastIndexOf(":") + 1)}`,
) as Stream;
const conn = stream_socket_accept(server) as Stream;
fwrite(client, "by name\n");
show("fgets", fgets(conn));
const udp = stream_socket_server("udp://127.0.0.1:0", null, null, STREAM_SERVER_BIND) as Stream;
const uname = stream_socket_get_name(udp, false) as string;
const uc = stream_socket_client(`udp://${uname}`) as Stream;
show(
  "sendto localhost:port",
  stream_socket_sendto(
    udp,
    "x",
    0,
    `localhost:${(stream_socket_get_name(uc, false) as string).slice(10)}`,
  ),
);
show("received", fread(uc, 10));
fclose(uc);
fclose(udp);
fclose(conn);
fclose(client);
fclose(server);
