// socket_read: PHP_NORMAL_READ line splitting on a blocking socket with
// complete lines available, length limits, other modes, length <= 0.
// (Not covered here on purpose, see API-CONTRACT "Where PHP is wrong":
// PHP_NORMAL_READ on nonblocking sockets, and a partial line followed by EOF.)
// Twin of read_modes.php.
import {
  AF_INET,
  AF_UNIX,
  PHP_BINARY_READ,
  PHP_NORMAL_READ,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_create_pair,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_write,
} from "../../mod.ts";
import { ref, section, show } from "./_dump.ts";

show("PHP_NORMAL_READ", PHP_NORMAL_READ);
show("PHP_BINARY_READ", PHP_BINARY_READ);

const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
const [w, r] = pair;

section("PHP_NORMAL_READ stops after the first \\r or \\n");
socket_write(w, "ab\r\ncd\n");
show("read 1", socket_read(r, 100, PHP_NORMAL_READ));
show("read 2", socket_read(r, 100, PHP_NORMAL_READ));
show("read 3", socket_read(r, 100, PHP_NORMAL_READ));
socket_write(w, "ef\0gh\n");
show("NUL is data", socket_read(r, 100, PHP_NORMAL_READ));
socket_write(w, "\n\r\r\n");
show("lone \\n", socket_read(r, 100, PHP_NORMAL_READ));
show("lone \\r", socket_read(r, 100, PHP_NORMAL_READ));
show("\\r again", socket_read(r, 100, PHP_NORMAL_READ));
show("\\n after it", socket_read(r, 100, PHP_NORMAL_READ));
socket_write(w, "\xff\x80\x00\x7f\n");
show("high bytes", socket_read(r, 100, PHP_NORMAL_READ));

section("PHP_NORMAL_READ length limits");
socket_write(w, "abcdefgh\n");
show("read 3", socket_read(r, 3, PHP_NORMAL_READ));
show("read 3", socket_read(r, 3, PHP_NORMAL_READ));
show("read 3", socket_read(r, 3, PHP_NORMAL_READ));
socket_write(w, "zz\n");
show("read 1", socket_read(r, 1, PHP_NORMAL_READ));
show("read 1", socket_read(r, 1, PHP_NORMAL_READ));
show("read 1", socket_read(r, 1, PHP_NORMAL_READ));
socket_write(w, "xy\n");
show("read 2", socket_read(r, 2, PHP_NORMAL_READ));
show("read 2", socket_read(r, 2, PHP_NORMAL_READ));
socket_write(w, "pq\n");
show("read exactly 3", socket_read(r, 3, PHP_NORMAL_READ));

section("mixing modes");
socket_write(w, "line\nrest");
show("normal", socket_read(r, 100, PHP_NORMAL_READ));
show("binary", socket_read(r, 100, PHP_BINARY_READ));
socket_write(w, "one\ntwo\n");
show("binary takes both lines", socket_read(r, 100));

section("modes other than PHP_NORMAL_READ read binary");
socket_write(w, "q\nr\n");
show("mode 0", socket_read(r, 2, 0));
show("mode 3", socket_read(r, 100, 3));
socket_write(w, "s\nt\n");
show("mode -1", socket_read(r, 100, -1));

section("length <= 0");
socket_write(w, "data\n");
show("length 0", socket_read(r, 0));
show("length -1", socket_read(r, -1));
show("length 0 normal", socket_read(r, 0, PHP_NORMAL_READ));
show("length -5 normal", socket_read(r, -5, PHP_NORMAL_READ));
show("socket_last_error($r)", socket_last_error(r));
show("socket_last_error()", socket_last_error());
show("data still there", socket_read(r, 100));

section("binary read after the peer closed");
socket_write(w, "last");
socket_close(w);
show("pending data", socket_read(r, 100));
show("EOF", socket_read(r, 100));
show("EOF again", socket_read(r, 100, PHP_BINARY_READ));
socket_close(r);

section("PHP_NORMAL_READ over TCP");
const srv = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_bind(srv, "127.0.0.1", 0);
socket_listen(srv);
const addr = ref(null);
const port = ref(null);
socket_getsockname(srv, addr, port);
const c = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_connect(c, "127.0.0.1", port.value as number);
const a = socket_accept(srv) as Socket;
socket_write(c, "GET / HTTP/1.0\r\nHost: x\r\n\r\n");
const lines: unknown[] = [];
for (let i = 0; i < 6; i++) lines.push(socket_read(a, 1024, PHP_NORMAL_READ));
show("lines", lines);
socket_close(a);
socket_close(c);
socket_close(srv);
