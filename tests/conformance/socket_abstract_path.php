<?php
// Port of php-src ext/sockets/tests/socket_abstract_path.phpt (Linux): a
// stream server bound to a path in the abstract namespace (leading NUL),
// a client connects, sends with socket_sendmsg, the accepted end receives.
// The name gets a random suffix (never printed) so runs cannot collide.
// Adds: the names both ends report (PHP 8.2 gives "" for an abstract
// name: it reads sun_path up to the first NUL).
require __DIR__ . '/_dump.php';

$path = "\x00/php_sockets_conf_" . bin2hex(random_bytes(6));
$server = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('bind', socket_bind($server, $path));
show('listen', socket_listen($server));
$client = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('connect', socket_connect($client, $path));
$conn = socket_accept($server);
show('accept', $conn);
socket_getsockname($server, $name);
show('server name', $name);
socket_getpeername($client, $peer);
show('client peer', $peer);
show('sendmsg', socket_sendmsg($client, ['iov' => ["test ", "thing", "\n"]], 0));
show('recv', socket_recv($conn, $buf, 20, 0));
show('buf', $buf);
