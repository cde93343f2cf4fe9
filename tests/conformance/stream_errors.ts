// stream_socket_server / stream_socket_client failures: transports, address
// parsing, bind and connect errors, with the warning text and the
// $error_code / $error_message references. Loopback and numeric hosts only.
// Twin of stream_errors.php.
import {
  fclose,
  fread,
  setWarningHandler,
  type Stream,
  STREAM_CLIENT_CONNECT,
  STREAM_PF_INET,
  STREAM_PF_UNIX,
  STREAM_SERVER_BIND,
  STREAM_SERVER_LISTEN,
  stream_set_blocking,
  STREAM_SOCK_STREAM,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_pair,
  stream_socket_server,
} from "../../mod.ts";
import { attempt, makeTempDir, ref, removeTempDir, render, section, show } from "./_dump.ts";

const dir = makeTempDir();
let port = -1;

/** The temporary directory and the server's port, masked so outputs compare equal. */
function mask(text: string): string {
  return text.split(dir).join("DIR").split(`:${port}`).join(":PORT");
}

setWarningHandler((message, level = "Warning") => console.log(`${level}: ${mask(message)}`));

function server(
  label: string,
  address: string,
  flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN,
): Stream | false {
  const code = ref("untouched");
  const message = ref("untouched");
  const s = stream_socket_server(address, code, message, flags);
  console.log(
    `${label}: ${render(s === false ? false : "stream")} code=${render(code.value)} message=${
      render(mask(message.value))
    }`,
  );
  return s;
}

function client(label: string, address: string, flags = STREAM_CLIENT_CONNECT): Stream | false {
  const code = ref("untouched");
  const message = ref("untouched");
  const s = stream_socket_client(address, code, message, 5, flags);
  console.log(
    `${label}: ${render(s === false ? false : "stream")} code=${render(code.value)} message=${
      render(mask(message.value))
    }`,
  );
  return s;
}

section("transports");
server("unknown transport", "foo://127.0.0.1:0");
server("transport names are case-sensitive", "Tcp://127.0.0.1:0");
client("unknown transport (client)", "bar://127.0.0.1:1");
client("transport names take + . - and digits", "x+y.z-1://127.0.0.1:1");

section("address parsing");
server("no port", "tcp://127.0.0.1");
server("colon at the end", "tcp://127.0.0.1:");
server("unclosed bracket", "tcp://[::1");
server("bracket without a port", "tcp://[::1]80");
server("unbracketed IPv6", "tcp://::1:0");
client("empty host", "tcp://:80");
client("empty address", "");

section("bind, listen and connect failures");
const s = server("no transport prefix means tcp", "127.0.0.1:0") as Stream;
const name = stream_socket_get_name(s, false) as string;
port = Number(name.slice(name.lastIndexOf(":") + 1));
server("address in use", `tcp://127.0.0.1:${port}`);
server("udp with the default flags", "udp://127.0.0.1:0");
const u = server("udp with STREAM_SERVER_BIND", "udp://127.0.0.1:0", STREAM_SERVER_BIND) as Stream;
fclose(s);
client("refused", `tcp://127.0.0.1:${port}`);
client("refused over IPv6", `tcp://[::1]:${port}`);
const u2 = client("udp never fails to connect", `udp://127.0.0.1:${port}`) as Stream;
server("unix: missing directory", `unix://${dir}/missing/dir/sock`);
server("udg: missing directory", `udg://${dir}/missing/dir/sock`, STREAM_SERVER_BIND);
client("unix: no such socket", `unix://${dir}/nothing.sock`);
client("udg: no such socket", `udg://${dir}/nothing.sock`);
client("quotes are escaped in the warning", `unix://${dir}/it's "quoted"`);
const us = server("unix server", `unix://${dir}/a.sock`) as Stream;
server("unix: path in use", `unix://${dir}/a.sock`);
const uc = client("unix client", `unix://${dir}/a.sock`) as Stream;
fclose(uc);
fclose(us);
fclose(u);
fclose(u2);

section("unusual flags");
const x = server(
  "no STREAM_SERVER_BIND: a stream without a socket",
  "tcp://127.0.0.1:0",
  STREAM_SERVER_LISTEN,
) as Stream;
show("its name", stream_socket_get_name(x, false));
show("blocking mode cannot be set", stream_set_blocking(x, false));
attempt("accept on it times out", () => stream_socket_accept(x, 0.05));
fclose(x);
const y = client("no connect flag: a stream without a socket", "tcp://127.0.0.1:1", 0) as Stream;
show("its name", stream_socket_get_name(y, true));
fclose(y);

section("argument errors");
attempt("fclose twice", () => {
  const p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
  fclose(p[0]);
  fclose(p[0]);
});
attempt("fread(string)", () => fread("x" as never, 1));
attempt("accept(int)", () => stream_socket_accept(5 as never));
attempt("socket_pair bad domain", () => stream_socket_pair(99, STREAM_SOCK_STREAM, 0));
attempt("socket_pair AF_INET", () => stream_socket_pair(STREAM_PF_INET, STREAM_SOCK_STREAM, 0));
removeTempDir(dir);
