<?php
// Port of php-src ext/sockets/tests/socket_export_stream-1.phpt (basic): a
// socket pair, one end exported, the other writes and closes. The module
// has no stream_get_contents(): fread() to end of file reads the same.
require __DIR__ . '/_dump.php';

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $s);
$s0 = reset($s);
$s1 = next($s);
$stream = socket_export_stream($s0);
show('is a stream', is_resource($stream));
socket_write($s1, 'test message');
socket_close($s1);
$contents = '';
while (!feof($stream)) {
    $contents .= fread($stream, 8192);
}
show('contents', $contents);
