<?php
// Port of php-src ext/sockets/tests/socket_shutdown.phpt, which connects to
// yahoo.com: here to a listener on 127.0.0.1. Shutting down reading, writing
// or both of a connected socket succeeds; an unconnected socket fails with
// ENOTCONN and a bad mode with EINVAL. Beyond the original: what the peer
// sees after each mode.
require __DIR__ . '/_dump.php';

$server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($server, '127.0.0.1', 0);
socket_listen($server, 5);
socket_getsockname($server, $addr, $port);

function connected(Socket $server, int $port): array
{
    $socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
    socket_connect($socket, '127.0.0.1', $port);
    return [$socket, socket_accept($server)];
}

[$socket, $peer] = connected($server, $port);
show('shutdown 0', socket_shutdown($socket, 0));
show('  own read is at end of file', socket_read($socket, 10));
show('  peer can still write', socket_write($peer, 'x'));
socket_close($socket);
socket_close($peer);

[$socket, $peer] = connected($server, $port);
show('shutdown 1', socket_shutdown($socket, 1));
show('  peer reads end of file', socket_read($peer, 10));
show('  own write', socket_write($socket, 'x'));
socket_close($socket);
socket_close($peer);

[$socket, $peer] = connected($server, $port);
show('shutdown 2', socket_shutdown($socket, 2));
show('  peer reads end of file', socket_read($peer, 10));
socket_close($socket);
socket_close($peer);

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
show('unconnected, shutdown 0', socket_shutdown($socket, 0));

socket_connect($socket, '127.0.0.1', $port);
$peer = socket_accept($server);
show('shutdown -1', socket_shutdown($socket, -1));
show('socket_last_error($socket)', socket_last_error($socket));
socket_close($socket);
socket_close($peer);
socket_close($server);
