// Port of php-src ext/sockets/tests/socket_cmsg_space_return_type.phpt. Twin
// of socket_cmsg_space_return_type.php (the largest safe integer stands in
// for PHP_INT_MAX).
import { SCM_RIGHTS, socket_cmsg_space, SOL_SOCKET } from "../../mod.ts";
import { attempt } from "./_dump.ts";

attempt(
  "SCM_RIGHTS, 1 is an int",
  () => Number.isInteger(socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 1)),
);
attempt("unknown pair", () => socket_cmsg_space(999999, 999999));
attempt("num -1", () => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -1));
attempt(
  "num PHP_INT_MAX",
  () => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, Number.MAX_SAFE_INTEGER),
);
