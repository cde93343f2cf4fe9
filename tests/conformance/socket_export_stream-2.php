<?php
// Port of php-src ext/sockets/tests/socket_export_stream-2.phpt (bad
// arguments), without its fopen() case (the module has no file streams).
require __DIR__ . '/_dump.php';

attempt('a stream', fn () => socket_export_stream(stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND)));
$s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP);
show('socket', $s);
socket_close($s);
attempt('a closed socket', fn () => socket_export_stream($s));
echo "Done.\n";
