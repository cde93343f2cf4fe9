<?php
// Port of php-src ext/sockets/tests/socket_read_params.phpt, in PHP 8 terms:
// missing arguments throw ArgumentCountError; reading from a listening socket
// (bound to 127.0.0.1 port 0 instead of socket_create_listen() on a fixed
// port) warns with ENOTCONN. Beyond the original: the other read modes, and
// lengths <= 0, which return false silently.
require __DIR__ . '/_dump.php';

$s_c_l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s_c_l, '127.0.0.1', 0);
socket_listen($s_c_l);
attempt('socket_read()', fn() => socket_read());
attempt('socket_read(14)', fn() => socket_read(14));
attempt('socket_read($s_c_l, 25)', fn() => socket_read($s_c_l, 25));
show('socket_last_error($s_c_l)', socket_last_error($s_c_l));
socket_clear_error($s_c_l);
attempt('PHP_NORMAL_READ', fn() => socket_read($s_c_l, 25, PHP_NORMAL_READ));
attempt('mode 99 reads in binary', fn() => socket_read($s_c_l, 25, 99));
attempt('length 0', fn() => socket_read($s_c_l, 0));
attempt('length -1', fn() => socket_read($s_c_l, -1));
show('socket_last_error($s_c_l)', socket_last_error($s_c_l));
socket_close($s_c_l);
