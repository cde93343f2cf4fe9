<?php
// The PHP manual's socket_last_error() example: a silenced socket_create()
// and, if it failed, its code and text. As printed in the manual it succeeds
// and prints nothing, so it runs twice here: as written, and with protocol
// 99, which socket() rejects; the manual's die() becomes an echo.
require __DIR__ . '/_dump.php';

foreach ([SOL_TCP, 99] as $protocol) {
    $socket = @socket_create(AF_INET, SOCK_STREAM, $protocol);

    if ($socket === false) {
        $errorcode = socket_last_error();
        $errormsg = socket_strerror($errorcode);

        echo "Couldn't create socket: [$errorcode] $errormsg\n";
    } else {
        echo "created a socket with protocol $protocol\n";
    }
}
