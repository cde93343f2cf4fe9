<?php
// The PHP manual's socket_strerror() example: silenced socket_create() and
// socket_bind() calls, whose failures are explained with socket_strerror().
// The manual binds port 80, which fails with "Permission denied" for a user
// other than root; that depends on who runs it, so here the port is one
// another socket already holds, which fails for everyone.
require __DIR__ . '/_dump.php';

$holder = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($holder, '127.0.0.1', 0);
socket_getsockname($holder, $addr, $port);

if (false == ($socket = @socket_create(AF_INET, SOCK_STREAM, SOL_TCP))) {
   echo "socket_create() failed: reason: " . socket_strerror(socket_last_error()) . "\n";
}

if (false == (@socket_bind($socket, '127.0.0.1', $port))) {
   echo "socket_bind() failed: reason: " . socket_strerror(socket_last_error($socket)) . "\n";
}
