<?php
// Port of php-src ext/sockets/tests/socket_sentto_recvfrom_ipv6_udp.phpt: a
// non-blocking UDP socket on ::1 sends "Ping!" to itself with
// socket_sendto and reads it back with socket_recvfrom. The calls the original
// makes to "cause warnings" throw in PHP 8. Port 0 instead of 1223; the port
// is compared, not printed.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET6, SOCK_DGRAM, SOL_UDP);
show('socket_set_nonblock', socket_set_nonblock($socket));
$buf = $from = $port = 'untouched';
show('recvfrom before bind', socket_recvfrom($socket, $buf, 12, 0, $from, $port));
show('values', [$buf, $from, $port]);
show('socket_last_error($socket)', socket_last_error($socket));
$address = '::1';
attempt('sendto without a port', fn() => socket_sendto($socket, '', 1, 0, $address));
show('socket_bind', socket_bind($socket, $address, 0));
socket_getsockname($socket, $unused, $bound);

$msg = "Ping!";
$len = strlen($msg);
show('socket_sendto', socket_sendto($socket, $msg, $len, 0, $address, $bound));

$from = "";
$port = 0;
attempt('recvfrom without $address', function () use ($socket, &$buf) {
    return socket_recvfrom($socket, $buf, 12, 0);
});
attempt('recvfrom without $port', function () use ($socket, &$buf, &$from) {
    return socket_recvfrom($socket, $buf, 12, 0, $from);
});
$bytes_received = socket_recvfrom($socket, $buf, 12, 0, $from, $port);
show('socket_recvfrom', $bytes_received);
echo "Received $buf from remote address $from and remote port ", $port === $bound ? 'PORT' : $port, PHP_EOL;
show('nothing left', socket_recvfrom($socket, $buf, 12, 0, $from, $port));
socket_close($socket);
