// socket_getsockname / socket_getpeername formats for AF_INET, AF_INET6
// (including v4-mapped), AF_UNIX (path, unbound, abstract), and failures.
// Twin of names.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getpeername,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_write,
} from "../../mod.ts";
import { makeTempDir, ref, rel, removeTempDir, render, section, show } from "./_dump.ts";

let dir = "/no-temp-dir-yet";

function describePort(port: unknown): string {
  if (typeof port === "number" && Number.isInteger(port)) {
    return port > 0 ? "port > 0" : `port ${port}`;
  }
  return render(port);
}

function names(label: string, s: Socket, withPort = true): void {
  const addr = ref("untouched");
  const port = ref("untouched");
  const ok = withPort ? socket_getsockname(s, addr, port) : socket_getsockname(s, addr);
  console.log(
    `${label} sockname: ${render(ok)} ${render(rel(addr.value, dir))} ${describePort(port.value)}`,
  );
}

function peer(label: string, s: Socket, withPort = true): void {
  const addr = ref("untouched");
  const port = ref("untouched");
  const ok = withPort ? socket_getpeername(s, addr, port) : socket_getpeername(s, addr);
  console.log(
    `${label} peername: ${render(ok)} ${render(rel(addr.value, dir))} ${describePort(port.value)}`,
  );
}

const a = ref();
const port = ref();
const addr = ref();

section("AF_INET");
let s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
names("unbound", s);
names("unbound, no port argument", s, false);
peer("unconnected", s);
show("socket_last_error($s)", socket_last_error(s));
show("socket_last_error()", socket_last_error());
socket_bind(s, "127.0.0.1");
names("bound to 127.0.0.1 port 0", s);
socket_listen(s);
socket_getsockname(s, a, port);
let c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_connect(c, "127.0.0.1", port.value as number);
let acc = socket_accept(s) as Socket;
names("client", c);
peer("client", c);
peer("accepted", acc);
const cport = ref();
const pport = ref();
socket_getsockname(c, a, cport);
socket_getpeername(acc, a, pport);
show("accepted peer port is the client port", cport.value === pport.value);
socket_getpeername(c, a, pport);
show("client peer port is the listener port", pport.value === port.value);
names("accepted", acc);
const u = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
socket_bind(u, "127.0.0.1", 0);
names("udp bound", u);
peer("udp unconnected", u);
socket_close(u);
socket_close(acc);
socket_close(c);
socket_close(s);

section("AF_INET6");
s = socket_create(AF_INET6, SOCK_STREAM, 0) as Socket;
names("unbound", s);
peer("unconnected", s);
socket_bind(s, "::1", 0);
names("bound to ::1", s);
socket_listen(s);
socket_getsockname(s, a, port);
c = socket_create(AF_INET6, SOCK_STREAM, 0) as Socket;
show("connect [::1]", socket_connect(c, "::1", port.value as number));
acc = socket_accept(s) as Socket;
names("client", c);
peer("client", c);
peer("accepted", acc);
socket_close(acc);
socket_close(c);
socket_close(s);
s = socket_create(AF_INET6, SOCK_STREAM, 0) as Socket;
show("bind \"::ffff:127.0.0.1\" on AF_INET6", socket_bind(s, "::ffff:127.0.0.1", 0));
names("v4-mapped", s);
socket_listen(s);
socket_getsockname(s, a, port);
c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
show("IPv4 client connects", socket_connect(c, "127.0.0.1", port.value as number));
acc = socket_accept(s) as Socket;
peer("accepted from IPv4", acc);
names("accepted from IPv4", acc);
socket_close(acc);
socket_close(c);
socket_close(s);

section("AF_UNIX");
dir = makeTempDir();
const path = `${dir}/stream.sock`;
s = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
names("unbound", s);
names("unbound, no port argument", s, false);
peer("unconnected", s);
show("bind", socket_bind(s, path));
addr.value = null;
socket_getsockname(s, addr);
show("bound path", rel(addr.value, dir));
show("listen", socket_listen(s, 1));
c = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("connect", socket_connect(c, path));
show(
  "connect ignores a port",
  socket_connect(socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket, path, 80),
);
acc = socket_accept(s) as Socket;
const acc2 = socket_accept(s) as Socket;
names("client", c);
peer("client", c);
socket_getpeername(c, addr);
show("client peer path", rel(addr.value, dir));
names("accepted", acc);
socket_getsockname(acc, addr);
show("accepted own path", rel(addr.value, dir));
peer("accepted (unbound client)", acc);
show("round trip", socket_write(c, "unix") === 4 && socket_read(acc, 10) === "unix");
socket_close(acc2);
socket_close(acc);
socket_close(c);
socket_close(s);

const bound = `${dir}/client.sock`;
s = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
socket_bind(s, path + "2");
socket_listen(s);
c = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
socket_bind(c, bound);
socket_connect(c, path + "2");
acc = socket_accept(s) as Socket;
socket_getpeername(acc, addr);
show("accepted peer path (bound client)", rel(addr.value, dir));
socket_close(acc);
socket_close(c);
socket_close(s);

const rnd = Array.from(
  crypto.getRandomValues(new Uint8Array(8)),
  (b) => b.toString(16).padStart(2, "0"),
);
const abstract = "\0php-conformance-" + rnd.join("");
s = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("bind abstract", socket_bind(s, abstract));
names("abstract", s);
socket_listen(s);
c = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
show("connect abstract", socket_connect(c, abstract));
peer("client of abstract", c);
socket_close(c);
socket_close(s);

const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
names("socketpair", pair[0]);
peer("socketpair", pair[0]);
socket_close(pair[0]);
socket_close(pair[1]);
removeTempDir(dir);

section("failure leaves the references alone");
s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
addr.value = null;
port.value = null;
show("getpeername", socket_getpeername(s, addr, port));
show("address", addr.value);
show("port", port.value);
show("socket_last_error($s)", socket_last_error(s));
socket_clear_error(s);
show("socket_last_error($s) after clear", socket_last_error(s));
show("socket_last_error()", socket_last_error());
socket_close(s);
