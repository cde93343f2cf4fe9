<?php
// Port of php-src ext/sockets/tests/socket_getsockname.phpt: after bind, the
// socket's own name is the bound address and a port. 127.0.0.1 port 0 instead
// of 0.0.0.0 and a random fixed port; the port is checked, not printed.
// (names.php covers the formats of every family.)
require __DIR__ . '/_dump.php';

$s_c = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$s_bind = socket_bind($s_c, '127.0.0.1', 0);
show('socket_bind', $s_bind);
$ip = $port = 'untouched';
$s_conn = socket_getsockname($s_c, $ip, $port);
show('socket_getsockname', $s_conn);
show('ip', $ip);
show('port is an int > 0', is_int($port) && $port > 0);
$again = null;
socket_getsockname($s_c, $ip, $again);
show('same port again', $again === $port);
socket_close($s_c);
