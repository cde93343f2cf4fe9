<?php
// Port of php-src ext/sockets/tests/socket_abstract_path_sendmsg.phpt
// (Linux): a datagram socket bound to a path in the abstract namespace, an
// unbound one sends to it with socket_sendmsg's "name" => ["path" => ...].
// The name gets a random suffix (never printed). Adds: socket_recvmsg on the
// receiver, whose "name" is the sender's (unbound, so autobound or empty).
require __DIR__ . '/_dump.php';

$path = "\x00/php_sockets_conf_" . bin2hex(random_bytes(6));
$send = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('nonblock', socket_set_nonblock($send));
$s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('bind', socket_bind($s, $path));
show('sendmsg', socket_sendmsg($send, ['name' => ['path' => $path], 'iov' => ["test ", "thing", "\n"]], 0));
show('recv', socket_recv($s, $buf, 20, 0));
show('buf', $buf);
show('sendmsg again', socket_sendmsg($send, ['name' => ['path' => $path], 'iov' => ["again"]], 0));
$data = ['name' => [], 'buffer_size' => 100, 'controllen' => 100];
show('recvmsg', socket_recvmsg($s, $data, 0));
show('iov', $data['iov']);
show('flags', $data['flags']);
show('name', $data['name']);
