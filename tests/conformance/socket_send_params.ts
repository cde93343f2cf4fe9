// Port of php-src ext/sockets/tests/socket_send_params.phpt.
// Twin of socket_send_params.php.
import {
  AF_INET,
  MSG_OOB,
  SOCK_STREAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_last_error,
  socket_listen,
  socket_send,
  SOL_TCP,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

const PHP_INT_MIN = -(2 ** 63);

const sC = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(sC, "127.0.0.1", 0);
socket_listen(sC);
attempt("length -1 with MSG_OOB", () => socket_send(sC, "foo", -1, MSG_OOB));
attempt("length PHP_INT_MIN", () => socket_send(sC, "foo", PHP_INT_MIN, 0));
show("socket_last_error($s_c)", socket_last_error(sC));
attempt("length 3 with MSG_OOB", () => socket_send(sC, "foo", 3, MSG_OOB));
show("socket_last_error($s_c)", socket_last_error(sC));
attempt("length 0", () => socket_send(sC, "foo", 0, 0));
show("still alive", true);
socket_close(sC);
attempt("closed, length -1", () => socket_send(sC, "foo", -1, 0));
