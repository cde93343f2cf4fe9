<?php
// Port of php-src ext/sockets/tests/socket_export_stream-4.phpt (effects of
// closing): a UDP socket and its exported stream, with one side unset,
// fclose()d or socket_close()d. Bound to 127.0.0.1 instead of 0.0.0.0.
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

section('normal');
$sock0 = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($sock0, '127.0.0.1');
$stream0 = socket_export_stream($sock0);
test($stream0, $sock0);

section('unset stream');
$sock1 = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($sock1, '127.0.0.1');
$stream1 = socket_export_stream($sock1);
unset($stream1);
test(null, $sock1);

section('unset socket');
$sock2 = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($sock2, '127.0.0.1');
$stream2 = socket_export_stream($sock2);
unset($sock2);
test($stream2, null);

section('close stream');
$sock3 = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($sock3, '127.0.0.1');
$stream3 = socket_export_stream($sock3);
fclose($stream3);
test($stream3, $sock3);

section('close socket');
$sock4 = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
socket_bind($sock4, '127.0.0.1');
$stream4 = socket_export_stream($sock4);
socket_close($sock4);
test($stream4, $sock4);
echo "Done.\n";
