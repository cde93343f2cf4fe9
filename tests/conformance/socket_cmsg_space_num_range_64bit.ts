// Port of php-src ext/sockets/tests/socket_cmsg_space_num_range_64bit.phpt.
// Twin of socket_cmsg_space_num_range_64bit.php (JavaScript's largest safe
// integer stands in for PHP_INT_MAX: both are beyond int range).
import { SCM_RIGHTS, socket_cmsg_space, SOL_SOCKET } from "../../mod.ts";
import { attempt } from "./_dump.ts";

attempt("type 0, PHP_INT_MAX", () => socket_cmsg_space(SOL_SOCKET, 0, Number.MAX_SAFE_INTEGER));
attempt("SCM_RIGHTS, 2**31", () => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 2147483648));
attempt("SCM_RIGHTS, -2**31-1", () => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -2147483649));
