<?php
// The PHP manual's socket_recvfrom() example, fed by its socket_sendto()
// example: a UDP socket on 127.0.0.1 (port 0 instead of 1223) prints at most
// 12 bytes received and where they came from; the sender is the sendto
// example's socket, sending "Ping !" to that port. The sender's port is
// compared, not printed.
require __DIR__ . '/_dump.php';

error_reporting(E_ALL);

$socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($socket, '127.0.0.1', 0);
socket_getsockname($socket, $unused, $receiver_port);

// The socket_sendto() example.
$sock = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
$msg = "Ping !";
$len = strlen($msg);
socket_sendto($sock, $msg, $len, 0, '127.0.0.1', $receiver_port);
socket_getsockname($sock, $unused, $sender_port);
socket_close($sock);

$from = '';
$port = 0;
socket_recvfrom($socket, $buf, 12, 0, $from, $port);

echo "Received $buf from remote address $from and remote port ", $port === $sender_port ? 'PORT' : $port, PHP_EOL;
socket_close($socket);
