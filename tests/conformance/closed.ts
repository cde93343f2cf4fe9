// Every function taking a Socket throws Error once the socket is closed, and
// the order of that check relative to the other argument checks. Twin of closed.php.
import {
  AF_INET,
  AF_UNIX,
  PHP_NORMAL_READ,
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
  socket_recv,
  socket_recvfrom,
  socket_send,
  socket_sendto,
  socket_set_block,
  socket_set_nonblock,
  socket_shutdown,
  socket_write,
} from "../../mod.ts";
import { attempt, ref, run, section, show } from "./_dump.ts";

const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
run("socket_close", () => socket_close(s));

section("closed socket");
const addr = ref("untouched");
const port = ref("untouched");
const data = ref("untouched");
attempt("socket_accept", () => socket_accept(s));
attempt("socket_set_nonblock", () => socket_set_nonblock(s));
attempt("socket_set_block", () => socket_set_block(s));
attempt("socket_listen", () => socket_listen(s));
attempt("socket_listen backlog", () => socket_listen(s, 5));
run("socket_close again", () => socket_close(s));
attempt("socket_write", () => socket_write(s, "x"));
attempt("socket_write length", () => socket_write(s, "x", 1));
attempt("socket_read", () => socket_read(s, 10));
attempt("socket_read normal", () => socket_read(s, 10, PHP_NORMAL_READ));
attempt("socket_getsockname", () => socket_getsockname(s, addr));
attempt("socket_getsockname port", () => socket_getsockname(s, addr, port));
attempt("socket_getpeername", () => socket_getpeername(s, addr, port));
show("address", addr.value);
show("port", port.value);
attempt("socket_connect", () => socket_connect(s, "127.0.0.1", 9));
attempt("socket_bind", () => socket_bind(s, "127.0.0.1", 0));
attempt("socket_bind no port", () => socket_bind(s, "127.0.0.1"));
attempt("socket_recv", () => socket_recv(s, data, 10, 0));
attempt("socket_send", () => socket_send(s, "x", 1, 0));
attempt("socket_recvfrom", () => socket_recvfrom(s, data, 10, 0, addr, port));
attempt("socket_sendto", () => socket_sendto(s, "x", 1, 0, "127.0.0.1", 9));
show("data", data.value);
show("address", addr.value);
show("port", port.value);
attempt("socket_shutdown", () => socket_shutdown(s));
attempt("socket_shutdown mode 0", () => socket_shutdown(s, 0));
attempt("socket_last_error", () => socket_last_error(s));
run("socket_clear_error", () => socket_clear_error(s));
show("socket_last_error()", socket_last_error());

section("closed check versus other argument checks");
attempt("socket_write closed, length -1", () => socket_write(s, "x", -1));
attempt("socket_send closed, length -1", () => socket_send(s, "x", -1, 0));
attempt("socket_sendto closed, length -1", () => socket_sendto(s, "x", -1, 0, "127.0.0.1", 9));
attempt("socket_read closed, length 0", () => socket_read(s, 0));
attempt("socket_recv closed, length 0", () => socket_recv(s, data, 0, 0));
attempt("socket_connect closed, port null", () => socket_connect(s, "127.0.0.1"));
attempt("socket_sendto closed, port null", () => socket_sendto(s, "x", 1, 0, "127.0.0.1"));
attempt("socket_bind closed, path too long", () => socket_bind(s, "a".repeat(200)));

section("closed AF_UNIX socket");
const u = socket_create(AF_UNIX, SOCK_STREAM, 0) as Socket;
socket_close(u);
attempt("socket_connect", () => socket_connect(u, "a".repeat(200)));
attempt("socket_bind", () => socket_bind(u, "/nonexistent/x"));
attempt("socket_recvfrom no port", () => socket_recvfrom(u, data, 10, 0, addr));

section("closed pair member");
const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
socket_close(pair[0]);
attempt("write to the closed one", () => socket_write(pair[0], "x"));
attempt("read the open one", () => socket_read(pair[1], 10));
socket_close(pair[1]);
