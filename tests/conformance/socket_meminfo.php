<?php
// Port of php-src ext/sockets/tests/socket_meminfo.phpt: SO_MEMINFO on an
// accepted TCP socket with one byte still unread returns its nine counters.
// Their values vary, so beyond the keys this checks what is certain: all are
// integers >= 0, something is allocated for the unread byte, and rcvbuf and
// sndbuf are SO_RCVBUF and SO_SNDBUF.
require __DIR__ . '/_dump.php';

$server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($server, '127.0.0.1', 0);
socket_listen($server, 2);
socket_getsockname($server, $unused, $port);
$client = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($client, '127.0.0.1', $port);
$socket = socket_accept($server);

socket_write($client, "SO_MEMINFO\n");
show('read', socket_read($socket, strlen("SO_MEMINFO"), PHP_BINARY_READ));
$data = socket_get_option($socket, SOL_SOCKET, SO_MEMINFO);
show('keys', array_keys($data));
show('all integers >= 0', count(array_filter($data, fn($v) => is_int($v) && $v >= 0)) === 9);
show('rmem_alloc > 0', $data['rmem_alloc'] > 0);
show('rcvbuf is SO_RCVBUF', $data['rcvbuf'] === socket_get_option($socket, SOL_SOCKET, SO_RCVBUF));
show('sndbuf is SO_SNDBUF', $data['sndbuf'] === socket_get_option($socket, SOL_SOCKET, SO_SNDBUF));
show('drops', $data['drops']);

socket_close($client);
socket_close($socket);
socket_close($server);
