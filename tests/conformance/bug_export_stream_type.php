<?php
// Port of php-src ext/sockets/tests/bug_export_stream_type.phpt: a UDP
// socket made with protocol 0 exports as a udp_socket stream.
require __DIR__ . '/_dump.php';

$sock = socket_create(AF_INET, SOCK_DGRAM, 0);
$stream = socket_export_stream($sock);
echo stream_get_meta_data($stream)['stream_type'], "\n";
