<?php
// Port of php-src ext/sockets/tests/gh13603.phpt (GH-13603: socket_getsockname
// returned stray bytes after an AF_UNIX name): a socket bound to the relative
// path "sn.socp" (in a fresh temporary directory made the working directory)
// reports exactly that name, and so does the client's peer name.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$cwd = getcwd();
chdir($dir);
$socket = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('socket_bind', socket_bind($socket, 'sn.socp'));
show('socket_listen', socket_listen($socket));
socket_getsockname($socket, $address);
show('address', $address);
$client = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('socket_connect', socket_connect($client, 'sn.socp'));
socket_getpeername($client, $peer);
show('peer', $peer);
socket_close($client);
socket_close($socket);
unlink($address);
chdir($cwd);
remove_temp_dir($dir);
