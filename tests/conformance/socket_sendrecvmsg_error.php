<?php
// Port of php-src ext/sockets/tests/socket_sendrecvmsg_error.phpt: flags -1
// make sendmsg(2) and recvmsg(2) fail, and PHP warns with the errno and its
// text. Adds: the return values and the error code left behind.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
show('sendmsg', socket_sendmsg($socket, [], -1));
show('last error', socket_last_error($socket));
$message = ['controllen' => 1];
show('recvmsg', socket_recvmsg($socket, $message, -1));
show('last error', socket_last_error($socket));
show('message', $message);
