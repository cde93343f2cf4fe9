<?php
// Port of php-src ext/sockets/tests/socket_connect_params.phpt, in PHP 8
// terms: missing arguments throw ArgumentCountError, a missing port on an
// AF_INET socket a ValueError, and connecting a listening socket (bound to
// 127.0.0.1 port 0 instead of socket_create_listen() on a fixed port, which
// binds every interface) to its own address warns and returns false.
require __DIR__ . '/_dump.php';

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s_c, '127.0.0.1', 0);
socket_listen($s_c);
socket_getsockname($s_c, $addr, $port);
attempt('socket_connect()', fn() => socket_connect());
attempt('socket_connect($s_c)', fn() => socket_connect($s_c));
attempt('socket_connect($s_c, address)', fn() => socket_connect($s_c, '127.0.0.1'));
attempt('socket_connect($s_c, address, null)', fn() => socket_connect($s_c, '127.0.0.1', null));
show('socket_last_error($s_c)', socket_last_error($s_c));
attempt('socket_connect($s_c, address, port)', fn() => socket_connect($s_c, '127.0.0.1', $port));
show('socket_last_error($s_c)', socket_last_error($s_c));
show('still listening', socket_getsockname($s_c, $addr2, $port2) && $port2 === $port);
socket_close($s_c);
