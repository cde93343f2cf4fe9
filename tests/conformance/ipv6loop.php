<?php
// Port of php-src ext/sockets/tests/ipv6loop.phpt: a TCP server on ::1 (port
// 0 here instead of the first free one of 31337-31356), a client connects and
// writes a line, the accepted socket reads it with PHP_BINARY_READ; then the
// answer back and end of file once the client is closed.
require __DIR__ . '/_dump.php';

$server = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
show('server', $server);
show('socket_bind', socket_bind($server, '::1', 0));
show('socket_listen', socket_listen($server, 2));
show('socket_getsockname', socket_getsockname($server, $unused, $port));
show('address', $unused);
show('port > 0', $port > 0);

$client = socket_create(AF_INET6, SOCK_STREAM, SOL_TCP);
show('client', $client);
show('socket_connect', socket_connect($client, '::1', $port));
$socket = socket_accept($server);
show('socket_accept', $socket);

show('socket_write', socket_write($client, "ABCdef123\n"));
show('socket_read', socket_read($socket, 10, PHP_BINARY_READ));
show('answer', socket_write($socket, "OK\n"));
show('client reads', socket_read($client, 10, PHP_BINARY_READ));
run('socket_close client', fn() => socket_close($client));
show('end of file', socket_read($socket, 10, PHP_BINARY_READ));
run('socket_close accepted', fn() => socket_close($socket));
run('socket_close server', fn() => socket_close($server));
show('socket_last_error()', socket_last_error());
