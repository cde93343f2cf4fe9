// Port of php-src ext/sockets/tests/gh17921.phpt. Twin of gh17921.php, whose
// expected output is written by hand. PHP_INT_MAX is 2 ** 63 as a JS number.
import {
  AF_INET,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_recvfrom,
  SOL_TCP,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const PHP_INT_MAX = Number(9223372036854775807n);
const PHP_INT_MIN = Number(-9223372036854775808n);

const sCL = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(sCL, "127.0.0.1", 0);
socket_listen(sCL);
show("socket_read PHP_INT_MAX", socket_read(sCL, PHP_INT_MAX));
show("socket_read PHP_INT_MIN", socket_read(sCL, PHP_INT_MIN));
const a = ref("");
show("socket_recv PHP_INT_MAX", socket_recv(sCL, a, PHP_INT_MAX, 0));
show("socket_recv PHP_INT_MIN", socket_recv(sCL, a, PHP_INT_MIN, 0));
show("$a", a.value);
const from = ref("untouched");
const port = ref("untouched");
show("socket_recvfrom PHP_INT_MAX", socket_recvfrom(sCL, a, PHP_INT_MAX, 0, from, port));
show("values", [a.value, from.value, port.value]);
show("socket_last_error($s_c_l)", socket_last_error(sCL));
show("socket_read 1", socket_read(sCL, 1));
socket_close(sCL);
