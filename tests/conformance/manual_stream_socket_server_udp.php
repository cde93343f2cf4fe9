<?php
// The PHP manual's UDP stream_socket_server() example: the server binds
// udp://127.0.0.1:0 (not port 1113) with STREAM_SERVER_BIND, reads one byte
// of each datagram with stream_socket_recvfrom, prints the peer and sends
// the time back with stream_socket_sendto. A client in the same script
// sends two datagrams; a fixed string stands in for date(), the peer's port
// is printed as PORT, and the loop stops after two datagrams instead of at
// a failed read.
require __DIR__ . '/_dump.php';

$time = "Fri Jan 2 15:04:05 2026\r\n";
$socket = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
if (!$socket) {
    die("$errstr ($errno)");
}
$name = stream_socket_get_name($socket, false);
$client = stream_socket_client("udp://$name", $cerrno, $cerrstr);
$cname = stream_socket_get_name($client, false);
for ($i = 0; $i < 2; $i++) {
    show('client sends', fwrite($client, "hello $i"));
    $pkt = stream_socket_recvfrom($socket, 1, 0, $peer);
    show('pkt', $pkt);
    show('peer is the client', $peer === $cname);
    echo preg_replace('/:\d+$/', ':PORT', $peer), "\n";
    show('sendto', stream_socket_sendto($socket, $time, 0, $peer));
    show('client reads', fread($client, 100));
}
fclose($client);
fclose($socket);
