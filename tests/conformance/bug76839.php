<?php
// Port of php-src ext/sockets/tests/bug76839.phpt (socket_recvfrom could
// return an invalid 'from' address on macOS): ten times, two AF_UNIX datagram
// sockets bound to paths of random length; the receiver answers to the
// address recvfrom reported, which must be exactly the sender's path.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
for ($i = 0; $i < 10; $i++) {
    $senderSocketPath = "$dir/s" . substr(md5((string) rand()), 0, rand(8, 16)) . '.sock';
    $senderSocket = socket_create(AF_UNIX, SOCK_DGRAM, 0);
    socket_bind($senderSocket, $senderSocketPath);

    $receiverSocketPath = "$dir/r" . substr(md5((string) rand()), 0, rand(8, 16)) . '.sock';
    $receiverSocket = socket_create(AF_UNIX, SOCK_DGRAM, 0);
    socket_bind($receiverSocket, $receiverSocketPath);

    socket_sendto($senderSocket, 'Ping!', 5, 0, $receiverSocketPath);

    $from = '';
    $message = '';
    socket_recvfrom($receiverSocket, $message, 65535, 0, $from);
    echo "Received '$message'", $from === $senderSocketPath ? '' : ' from ' . render($from), "\n";

    $sent = socket_sendto($receiverSocket, 'Pong!', 5, 0, $from);
    echo "Responded to sender with 'Pong!' ($sent)\n";
    $reply = $replyFrom = '';
    socket_recvfrom($senderSocket, $reply, 100, 0, $replyFrom);
    echo "Sender got '$reply'", $replyFrom === $receiverSocketPath ? '' : ' from ' . render($replyFrom), "\n";

    socket_close($receiverSocket);
    unlink($receiverSocketPath);
    socket_close($senderSocket);
    unlink($senderSocketPath);
}
remove_temp_dir($dir);
