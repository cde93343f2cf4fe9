<?php
// Port of php-src ext/sockets/tests/socket_listen-wrongparams.phpt: listen on
// an unbound AF_UNIX stream socket fails with EINVAL. Beyond the original:
// the codes, a datagram socket (EOPNOTSUPP), and that a bound socket listens,
// with any backlog (negative ones too: the kernel clamps them).
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('socket_listen', socket_listen($socket));
show('socket_last_error($socket)', socket_last_error($socket));
show('socket_last_error()', socket_last_error());
$dir = make_temp_dir();
socket_bind($socket, "$dir/l.sock");
show('bound, socket_listen', socket_listen($socket));
show('again, backlog 5', socket_listen($socket, 5));
show('backlog -1', socket_listen($socket, -1));
show('socket_last_error($socket)', socket_last_error($socket));
socket_close($socket);
unlink("$dir/l.sock");
remove_temp_dir($dir);

$dgram = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('SOCK_DGRAM', socket_listen($dgram, 1));
show('socket_last_error($dgram)', socket_last_error($dgram));
socket_close($dgram);
attempt('closed', fn() => socket_listen($dgram));
