<?php
// Port of php-src ext/sockets/tests/socket_import_stream-2.phpt (bad
// arguments), without its fopen() case (the module has no file streams).
require __DIR__ . '/_dump.php';

attempt('a Socket', fn () => socket_import_stream(socket_create(AF_INET, SOCK_DGRAM, SOL_UDP)));
$s = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
show('is a stream', is_resource($s));
show('fclose', fclose($s));
attempt('a closed stream', fn () => socket_import_stream($s));
echo "Done.\n";
