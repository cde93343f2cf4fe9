<?php
// Port of php-src ext/sockets/tests/socket_set_nonblock.phpt: a listening
// socket (on 127.0.0.1 port 0, not socket_create_listen(0), which listens on
// every interface) is made non-blocking. Beyond the original: accept then
// returns false at once with EAGAIN and no warning, and once a client is
// waiting returns it; the accepted socket is blocking again (a read waits
// for its receive timeout).
require __DIR__ . '/_dump.php';

$s_c_l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s_c_l, '127.0.0.1', 0);
socket_listen($s_c_l);
show('socket_set_nonblock', socket_set_nonblock($s_c_l));
show('socket', $s_c_l);
show('accept with nobody waiting', socket_accept($s_c_l));
show('socket_last_error()', socket_last_error());
show('socket_last_error($s_c_l)', socket_last_error($s_c_l));
socket_clear_error();

socket_getsockname($s_c_l, $addr, $port);
$client = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_connect($client, '127.0.0.1', $port);
$conn = socket_accept($s_c_l);
show('accept with a client waiting', $conn);
socket_set_option($conn, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 0, 'usec' => 200000]);
$start = microtime(true);
show('read on the accepted socket', socket_read($conn, 10));
show('it waited', microtime(true) - $start >= 0.15);
show('socket_last_error($conn)', socket_last_error($conn));
socket_close($conn);
socket_close($client);
socket_close($s_c_l);
