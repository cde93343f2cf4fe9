<?php
// Port of php-src ext/sockets/tests/unixloop.phpt: the same loop as ipv4loop
// over an AF_UNIX SOCK_STREAM socket bound to a path in a fresh temporary
// directory (printed as DIR), which stays behind until it is unlinked.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$sock_path = "$dir/loop.sock";

$server = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('server', $server);
show('socket_bind', socket_bind($server, $sock_path));
show('path exists', file_exists($sock_path));
show('socket_listen', socket_listen($server, 2));
$addr = $port = 'untouched';
show('socket_getsockname', socket_getsockname($server, $addr, $port));
show('address', rel($addr, $dir));
show('port', $port);

$client = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('client', $client);
show('socket_connect', socket_connect($client, $sock_path));
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
show('path still exists after close', file_exists($sock_path));
unlink($sock_path);
remove_temp_dir($dir);
show('socket_last_error()', socket_last_error());
