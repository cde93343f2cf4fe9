// Non-blocking mode: EAGAIN / EINPROGRESS give false without a warning and
// store the code; accept's code goes to the global only. (PHP_NORMAL_READ on
// a nonblocking socket is deliberately not covered, see API-CONTRACT.)
// Twin of nonblock.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  MSG_DONTWAIT,
  SOCK_DGRAM,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  SOCKET_EADDRINUSE,
  SOCKET_EAGAIN,
  SOCKET_ECONNREFUSED,
  SOCKET_EINPROGRESS,
  SOCKET_EWOULDBLOCK,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_recvfrom,
  socket_set_block,
  socket_set_nonblock,
  socket_write,
} from "../../mod.ts";
import { makeTempDir, ref, removeTempDir, section, show } from "./_dump.ts";

function codes(label: string, s: Socket | null): void {
  console.log(
    `${label}: socket ${s === null ? "-" : socket_last_error(s)}, global ${socket_last_error()}`,
  );
}

function usleep(us: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, us / 1000);
}

section("constants");
show("SOCKET_EAGAIN", SOCKET_EAGAIN);
show("SOCKET_EWOULDBLOCK", SOCKET_EWOULDBLOCK);
show("SOCKET_EINPROGRESS", SOCKET_EINPROGRESS);
show("SOCKET_ECONNREFUSED", SOCKET_ECONNREFUSED);
show("SOCKET_EADDRINUSE", SOCKET_EADDRINUSE);

section("accept with nothing pending");
const srv = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_bind(srv, "127.0.0.1", 0);
socket_listen(srv, 5);
const addr = ref();
const port = ref();
socket_getsockname(srv, addr, port);
show("socket_set_nonblock", socket_set_nonblock(srv));
show("accept", socket_accept(srv));
codes("codes", srv);
socket_clear_error();

section("connect in progress");
const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_set_nonblock(c);
show("connect", socket_connect(c, "127.0.0.1", port.value as number));
codes("codes", c);
let accepted: Socket | false = false;
for (let i = 0; i < 1000 && accepted === false; i++) {
  accepted = socket_accept(srv);
  if (accepted === false) usleep(1000);
}
show("accept once the client connected", accepted);
const conn = accepted as Socket;
show("socket_last_error($conn)", socket_last_error(conn));
socket_set_block(c);
show("client write", socket_write(c, "hello"));
show("server read", socket_read(conn, 100));
socket_clear_error(c);
socket_clear_error();

section("read / recv with no data");
socket_set_nonblock(conn);
show("socket_read", socket_read(conn, 100));
codes("codes", conn);
socket_clear_error(conn);
socket_clear_error();
const data = ref("keep");
show("socket_recv", socket_recv(conn, data, 100, 0));
show("data", data.value);
codes("codes", conn);
socket_clear_error(conn);
socket_clear_error();
data.value = "keep";
show("socket_recv MSG_DONTWAIT on a blocking socket", socket_recv(c, data, 100, MSG_DONTWAIT));
show("data", data.value);
codes("codes", c);

section("data then no data");
socket_write(c, "abc");
show("socket_read", socket_read(conn, 100));
show("socket_read again", socket_read(conn, 100));
codes("codes", conn);
show("a success does not reset the code", socket_write(conn, "x"));
codes("codes", conn);
show("client read", socket_read(c, 100));

section("write until the buffer is full");
let total = 0;
const chunk = "z".repeat(65536);
let n: number | false;
while (true) {
  n = socket_write(conn, chunk);
  if (n === false) break;
  total += n;
}
show("last write", n);
show("wrote something", total > 0);
codes("codes", conn);
let got = 0;
socket_set_nonblock(c);
while (got < total) {
  const r = socket_read(c, 1 << 20);
  if (r === false) {
    usleep(1000);
    continue;
  }
  got += r.length;
}
show("client read it all", got === total);
socket_close(conn);
socket_close(c);
socket_clear_error();

section("UDP");
const u = socket_create(AF_INET6, SOCK_DGRAM, 0) as Socket;
socket_bind(u, "::1", 0);
socket_set_nonblock(u);
data.value = addr.value = port.value = "keep";
show("recvfrom", socket_recvfrom(u, data, 100, 0, addr, port));
show("values", [data.value, addr.value, port.value]);
codes("codes", u);
socket_close(u);
socket_clear_error();

section("AF_UNIX connect to a full backlog");
const dir = makeTempDir();
const l = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
socket_bind(l, `${dir}/l.sock`);
socket_listen(l, 0);
const clients: Socket[] = [];
let result = true;
for (let i = 0; i < 10 && result === true; i++) {
  const k = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
  socket_set_nonblock(k);
  result = socket_connect(k, `${dir}/l.sock`);
  clients.push(k);
}
show("first refused connect", result);
codes("codes", clients[clients.length - 1]);
for (const k of clients) socket_close(k);
socket_close(l);
removeTempDir(dir);
socket_close(srv);
