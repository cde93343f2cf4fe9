<?php
// Port of php-src ext/sockets/tests/socket_import_stream-1.phpt (basic): a
// stream pair, one end imported as a Socket that writes and closes; the
// other end reads to end of file (fread() in place of stream_get_contents()).
// Adds: the imported socket's type and what the stream end sees after close.
require __DIR__ . '/_dump.php';

$s = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$s0 = reset($s);
$s1 = next($s);
$sock = socket_import_stream($s0);
show('imported', $sock);
show('type', socket_get_option($sock, SOL_SOCKET, SO_TYPE) === SOCK_STREAM);
show('write', socket_write($sock, 'test message'));
socket_close($sock);
$contents = '';
while (!feof($s1)) {
    $contents .= fread($s1, 8192);
}
show('contents', $contents);
