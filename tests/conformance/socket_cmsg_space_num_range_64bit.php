<?php
// Port of php-src ext/sockets/tests/socket_cmsg_space_num_range_64bit.phpt:
// a $num beyond int range is refused before the (unsupported) level/type
// pair is looked up. Adds: 2**31 and -2**31-1 with SCM_RIGHTS.
require __DIR__ . '/_dump.php';

attempt('type 0, PHP_INT_MAX', fn() => socket_cmsg_space(SOL_SOCKET, 0, PHP_INT_MAX));
attempt('SCM_RIGHTS, 2**31', fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, 2147483648));
attempt('SCM_RIGHTS, -2**31-1', fn() => socket_cmsg_space(SOL_SOCKET, SCM_RIGHTS, -2147483649));
