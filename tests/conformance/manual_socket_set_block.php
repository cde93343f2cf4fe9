<?php
// The PHP manual's socket_set_block() example, whose first half is the
// socket_set_nonblock() example: a listening socket is made non-blocking,
// then blocking again. The manual listens with socket_create_listen(9090),
// which binds every interface; here the socket listens on 127.0.0.1 port 0.
// The manual prints only failures; here each step also says what it
// changed: a non-blocking accept returns false at once, a blocking one waits
// (for the half-second receive timeout set on it, since no client comes).
require __DIR__ . '/_dump.php';

if (!$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP)) {
    echo socket_strerror(socket_last_error());
}
socket_bind($socket, '127.0.0.1', 0);
socket_listen($socket);
if (!socket_set_option($socket, SOL_SOCKET, SO_REUSEADDR, 1)) {
    echo socket_strerror(socket_last_error());
}
if (!socket_set_nonblock($socket)) {      // Socket $socket is now nonblocking
    echo socket_strerror(socket_last_error());
}
$start = microtime(true);
show('nonblocking accept', socket_accept($socket));
show('  at once', microtime(true) - $start < 0.25);
echo '  ', socket_strerror(socket_last_error()), "\n";

if (!socket_set_block($socket)) {         // Socket $socket is now blocking
    echo socket_strerror(socket_last_error());
}
socket_set_option($socket, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 0, 'usec' => 500000]);
$start = microtime(true);
show('blocking accept', socket_accept($socket));
show('  waited', microtime(true) - $start >= 0.4);
echo '  ', socket_strerror(socket_last_error()), "\n";
socket_close($socket);
