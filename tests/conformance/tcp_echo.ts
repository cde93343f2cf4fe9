// TCP over IPv4 loopback: listen/connect/accept, an echo round trip of all 256
// byte values, a larger transfer, socket_write/socket_send length handling, shutdown.
// Twin of tcp_echo.php.
import {
  AF_INET,
  MSG_DONTWAIT,
  MSG_WAITALL,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_clear_error,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_send,
  socket_shutdown,
  socket_write,
  SOL_TCP,
} from "../../mod.ts";
import { allBytes, attempt, checksum, ref, section, show } from "./_dump.ts";

function readExactly(s: Socket, n: number): string {
  let got = "";
  while (got.length < n) {
    const chunk = socket_read(s, n - got.length);
    if (chunk === false || chunk === "") break;
    got += chunk;
  }
  return got;
}

function strrev(s: string): string {
  return s.split("").reverse().join("");
}

section("setup");
const srv = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
show("bind", socket_bind(srv, "127.0.0.1", 0));
show("listen", socket_listen(srv, 5));
const addr = ref(null);
const port = ref(null);
show("getsockname", socket_getsockname(srv, addr, port));
show("address", addr.value);
show("port > 0", (port.value as number) > 0);
const cli = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
show("connect", socket_connect(cli, "127.0.0.1", port.value as number));
const conn = socket_accept(srv) as Socket;
show("accept", conn);
show("socket_last_error()", socket_last_error());

section("all 256 byte values, echoed back reversed");
const data = allBytes();
show("client write", socket_write(cli, data));
const got = readExactly(conn, 256);
show("server got", checksum(got));
show("first 8", got.slice(0, 8));
show("last 8", got.slice(-8));
show("identical", got === data);
show("server write", socket_write(conn, strrev(got)));
const back = readExactly(cli, 256);
show("client got", checksum(back));
show("is reversed", back === strrev(data));

section("larger transfer in chunks");
let big = "";
for (let i = 0; i < 200000; i++) big += String.fromCharCode((i * 7 + (i >> 8)) & 0xff);
let sent = 0;
let recvd = "";
while (sent < big.length) {
  const n = socket_write(cli, big.slice(sent, sent + 8192));
  if (n === false) break;
  sent += n;
  const chunk = ref(null);
  if ((socket_recv(conn, chunk, 65536, MSG_DONTWAIT) as number) > 0) recvd += chunk.value;
}
while (recvd.length < big.length) {
  const chunk = socket_read(conn, 65536);
  if (chunk === false || chunk === "") break;
  recvd += chunk;
}
show("sent", sent);
show("received", checksum(recvd));
show("identical", recvd === big);
socket_clear_error(conn);
socket_clear_error();

section("socket_write length");
show("length 100 > strlen 5", socket_write(cli, "hello", 100));
show("read", socket_read(conn, 100));
show("length 2", socket_write(cli, "hello", 2));
show("read", socket_read(conn, 100));
show("length null", socket_write(cli, "abc", null));
show("read", socket_read(conn, 100));
show("length 0", socket_write(cli, "hello", 0));
show("empty string", socket_write(cli, ""));
attempt("length -1", () => socket_write(cli, "hello", -1));
attempt("length -100", () => socket_write(cli, "", -100));
show("NUL bytes", socket_write(cli, "\0\0\0"));
show("read", socket_read(conn, 100));

section("socket_send length");
show("send 3 of 6", socket_send(cli, "abcdef", 3, 0));
show("send 10 of 3", socket_send(cli, "xyz", 10, 0));
show("send 0", socket_send(cli, "xyz", 0, 0));
attempt("send -1", () => socket_send(cli, "xyz", -1, 0));
const buf = ref(null);
show("recv MSG_WAITALL", socket_recv(conn, buf, 6, MSG_WAITALL));
show("data", buf.value);

section("socket_read sizes");
socket_write(cli, "0123456789");
show("read 4", socket_read(conn, 4));
show("read 4", socket_read(conn, 4));
show("read 100", socket_read(conn, 100));

section("shutdown");
show("client shutdown write", socket_shutdown(cli, 1));
show("server read at EOF", socket_read(conn, 100));
show("server read at EOF again", socket_read(conn, 100));
show("server write after client shutdown", socket_write(conn, "bye"));
show("client read", socket_read(cli, 100));
show("server shutdown both (default)", socket_shutdown(conn));
show("client read at EOF", socket_read(cli, 100));
show("socket_last_error()", socket_last_error());
show("socket_last_error($conn)", socket_last_error(conn));

socket_close(conn);
socket_close(cli);
socket_close(srv);
