<?php
// Port of php-src ext/sockets/tests/socket_bind_invalid_port.phpt (PHP 8.5):
// a port outside 0..65535 throws a ValueError instead of wrapping to 16 bits
// (so 65536 + n no longer binds port n); beyond the original, the same for
// socket_connect() and socket_sendto(), and the ports at both ends of the
// range. 127.0.0.1 instead of the original's 0.0.0.0.
// HAND-WRITTEN: PHP 8.2 wraps the port (65536 binds port 0); the module follows PHP 8.5, whose messages these are.
require __DIR__ . '/_dump.php';

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
attempt('socket_bind port -1', fn() => socket_bind($s_c, '127.0.0.1', -1));
attempt('socket_bind port 65536', fn() => socket_bind($s_c, '127.0.0.1', 65536));
attempt('socket_connect port -1', fn() => socket_connect($s_c, '127.0.0.1', -1));
attempt('socket_connect port 65536', fn() => socket_connect($s_c, '127.0.0.1', 65536));
show('socket_last_error($s_c)', socket_last_error($s_c));
show('socket_bind port 0', socket_bind($s_c, '127.0.0.1', 0));
socket_close($s_c);

$u = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
attempt('socket_sendto port 65536', fn() => socket_sendto($u, 'x', 1, 0, '::1', 65536));
attempt('socket_sendto port -1', fn() => socket_sendto($u, 'x', 1, 0, '::1', -1));
attempt('socket_sendto port 65535', fn() => socket_sendto($u, 'x', 1, 0, '::1', 65535));
socket_close($u);
