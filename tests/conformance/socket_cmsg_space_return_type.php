<?php
// Port of php-src ext/sockets/tests/socket_cmsg_space_return_type.phpt: an
// int for a known pair, and the ValueErrors for an unknown pair, a negative
// $num and a $num beyond int range (the own case cmsg_space covers more).
require __DIR__ . '/_dump.php';

attempt('SCM_RIGHTS, 1 is an int', fn() => is_int(socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 1)));
attempt('unknown pair', fn() => socket_cmsg_space(999999, 999999));
attempt('num -1', fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -1));
attempt('num PHP_INT_MAX', fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, PHP_INT_MAX));
