// Port of php-src ext/sockets/tests/socket_sendto_params.phpt.
// Twin of socket_sendto_params.php.
import {
  AF_INET,
  MSG_OOB,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_sendto,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, ref, show } from "./_dump.ts";

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(sC, "127.0.0.1", 0);
socket_listen(sC);
const addr = ref();
const port = ref();
socket_getsockname(sC, addr, port);
attempt("length -1, no port", () => socket_sendto(sC, "foo", -1, MSG_OOB, "127.0.0.1"));
attempt("length -1, port", () => socket_sendto(sC, "foo", -1, MSG_OOB, "127.0.0.1", port.value));
attempt("no port", () => socket_sendto(sC, "foo", 3, MSG_OOB, "127.0.0.1"));
show("socket_last_error($s_c)", socket_last_error(sC));
attempt(
  "sendto on a listening socket",
  () => socket_sendto(sC, "foo", 3, 0, "127.0.0.1", port.value),
);
show("socket_last_error($s_c)", socket_last_error(sC));
socket_close(sC);
attempt("closed, length -1", () => socket_sendto(sC, "foo", -1, 0, "127.0.0.1", port.value));
