<?php
// Port of php-src ext/sockets/tests/socket_sendto_zerocopy.phpt: with
// SO_ZEROCOPY set, a non-blocking UDP socket on 127.0.0.1 sends 16 KiB with
// MSG_ZEROCOPY. Here the datagram goes to a receiver bound to port 0 (the
// original sends to the fixed port 3001), which gets every byte.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
show('SO_ZEROCOPY default', socket_get_option($socket, SOL_SOCKET, SO_ZEROCOPY));
show('set SO_ZEROCOPY', socket_set_option($socket, SOL_SOCKET, SO_ZEROCOPY, 1));
show('SO_ZEROCOPY', socket_get_option($socket, SOL_SOCKET, SO_ZEROCOPY));
show('socket_set_nonblock', socket_set_nonblock($socket));
$address = '127.0.0.1';
show('socket_bind', socket_bind($socket, $address, 0));

$receiver = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($receiver, $address, 0);
socket_getsockname($receiver, $unused, $port);

$msg = str_repeat("0123456789abcdef", 1024);
$len = strlen($msg);
$bytes_sent = socket_sendto($socket, $msg, $len, MSG_ZEROCOPY, $address, $port);
echo "$bytes_sent sent!\n";
show('received', socket_recvfrom($receiver, $buf, 65536, 0, $from, $fromport));
show('same bytes', $buf === $msg);
socket_close($socket);
socket_close($receiver);
