<?php
// The PHP manual's socket_select() examples, with the two sockets of a
// socket pair as $socket1 and $socket2 (the manual leaves them undefined).
// Example #1 ("Using null with socket_select") and #2 ("Understanding
// socket_select's result") pass the undefined $r and $w, which become null:
// in PHP 8 that throws a ValueError. Example #3 selects for reading, first
// with nothing to read, then after a write.
require __DIR__ . '/_dump.php';

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
[$socket1, $socket2] = $pair;

section('Example #1');
try {
    $e = NULL;
    socket_select($r, $w, $e, 0);
} catch (ValueError $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}

section('Example #2');
try {
    $e = NULL;
    if (false === socket_select($r, $w, $e, 0)) {
        echo "socket_select() failed, reason: " .
            socket_strerror(socket_last_error()) . "\n";
    }
} catch (ValueError $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}

section('Example #3');
function example3(Socket $socket1, Socket $socket2): void
{
    /* Prepare the read array */
    $read   = array($socket1, $socket2);
    $write  = NULL;
    $except = NULL;
    $num_changed_sockets = socket_select($read, $write, $except, 0);

    if ($num_changed_sockets === false) {
        /* Error handling */
        echo "error: ", socket_strerror(socket_last_error()), "\n";
    } else if ($num_changed_sockets > 0) {
        /* At least at one of the sockets something interesting happened */
        echo "$num_changed_sockets changed: ", count($read), " readable\n";
    } else {
        echo "nothing changed\n";
    }
}
example3($socket1, $socket2);
socket_write($socket2, "hello");
example3($socket1, $socket2);
socket_close($socket1);
example3($socket2, $socket2);
