<?php
// The PHP manual's socket_atmark() example: normal data, one urgent byte and
// more normal data over TCP on 127.0.0.1; socket_atmark() tells when to read
// the urgent byte with MSG_OOB. As in the manual, except that the server is
// bound to port 0 explicitly. The manual shows the output of a system where
// reading the urgent byte moves past the mark; on Linux sockatmark() stays
// true after it, so the loop asks for urgent data again and recv() fails
// with EINVAL, which ends the loop (checked with the same calls from Python).
// HAND-WRITTEN: socket_atmark() is PHP 8.3+; the expected output is what its sockatmark() call gives on Linux, printed as PHP prints it.
require __DIR__ . '/_dump.php';

$socketServer = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_option($socketServer, SOL_SOCKET, SO_REUSEADDR, 1);
socket_bind($socketServer, '127.0.0.1', 0);
socket_listen($socketServer);

$socketClient = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_getsockname($socketServer, $stAddr, $uPort);
socket_connect($socketClient, $stAddr, $uPort);

$socket = socket_accept($socketServer);
socket_shutdown($socket, 1);

$st = 'This is normal data.';
socket_send($socketClient, $st, strlen($st), 0);
$st = '!'; # TCP only allows one byte of urgent data.
socket_send($socketClient, $st, strlen($st), MSG_OOB);
$st = 'Not so urgent.';
socket_send($socketClient, $st, strlen($st), 0);
socket_shutdown($socketClient);

do {
    if (socket_atmark($socket)) {
        $rc = socket_recv($socket, $st, 65536, MSG_OOB);
        echo "Received urgent data: ({$rc}) {$st}\n";
    } else {
        $rc = socket_recv($socket, $st, 1024, 0);
        echo "Received normal data: ({$rc}) {$st}\n";
    }
} while ($rc > 0);
socket_close($socketServer);
socket_close($socketClient);
socket_close($socket);
