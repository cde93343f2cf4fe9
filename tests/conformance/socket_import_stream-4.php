<?php
// Port of php-src ext/sockets/tests/socket_import_stream-4.phpt (effects of
// closing): a UDP server stream and the socket imported from it, with one
// side unset, fclose()d or socket_close()d. Bound to 127.0.0.1 instead of
// 0.0.0.0.
require __DIR__ . '/_dump.php';

function test($stream, $sock): void
{
    if ($stream !== null) {
        attempt('stream_set_blocking', fn () => stream_set_blocking($stream, false));
    }
    if ($sock !== null) {
        attempt('socket_set_block', fn () => socket_set_block($sock));
        attempt('socket_get_option', fn () => socket_get_option($sock, SOL_SOCKET, SO_TYPE));
    }
}

function server()
{
    return stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
}

section('normal');
$stream0 = server();
$sock0 = socket_import_stream($stream0);
test($stream0, $sock0);

section('unset stream');
$stream1 = server();
$sock1 = socket_import_stream($stream1);
unset($stream1);
test(null, $sock1);

section('unset socket');
$stream2 = server();
$sock2 = socket_import_stream($stream2);
unset($sock2);
test($stream2, null);

section('close stream');
$stream3 = server();
$sock3 = socket_import_stream($stream3);
fclose($stream3);
test($stream3, $sock3);

section('close socket');
$stream4 = server();
$sock4 = socket_import_stream($stream4);
socket_close($sock4);
test($stream4, $sock4);
echo "Done.\n";
