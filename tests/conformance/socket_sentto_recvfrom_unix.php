<?php
// Port of php-src ext/sockets/tests/socket_sentto_recvfrom_unix.phpt: SOL_UDP
// is not a protocol of AF_UNIX; a non-blocking AF_UNIX datagram socket bound
// to a path sends "Ping!" to itself; recvfrom with length 0 returns false
// without consuming it. The call the original makes without an address
// throws in PHP 8.
require __DIR__ . '/_dump.php';

show('create with SOL_UDP', socket_create(AF_UNIX, SOCK_DGRAM, SOL_UDP));
show('socket_last_error()', socket_last_error());
$socket = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('socket_set_nonblock', socket_set_nonblock($socket));
$buf = $from = $port = 'untouched';
show('recvfrom before bind', socket_recvfrom($socket, $buf, 12, 0, $from, $port));
show('values', [$buf, $from, $port]);
show('socket_last_error($socket)', socket_last_error($socket));

$dir = make_temp_dir();
$address = "$dir/ping.sock";
show('socket_bind', socket_bind($socket, $address));

$msg = "Ping!";
$len = strlen($msg);
attempt('sendto without an address', fn() => socket_sendto($socket, $msg, $len, 0));
show('socket_sendto', socket_sendto($socket, $msg, $len, 0, $address));

$from = "";
show('recvfrom length 0', socket_recvfrom($socket, $buf, 0, 0, $from));
show('values', [$buf, $from]);
$port = 'untouched';
$bytes_received = socket_recvfrom($socket, $buf, 12, 0, $from, $port);
show('socket_recvfrom', $bytes_received);
echo "Received $buf", PHP_EOL;
show('from', rel($from, $dir));
show('port', $port);

socket_close($socket);
unlink($address);
remove_temp_dir($dir);
