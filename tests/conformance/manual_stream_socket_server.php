<?php
// The PHP manual's stream_socket_server() example (a TCP time server), with
// its client in the same script: the server listens on tcp://127.0.0.1:0
// (not 0.0.0.0:8000), a client connects, the server accepts, writes the
// time and closes. A fixed time string stands in for date() so the output
// does not change; the loop serves two clients and stops.
require __DIR__ . '/_dump.php';

$time = '1/2/2026 3:04 pm';
$socket = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
if (!$socket) {
    echo "$errstr ($errno)\n";
    exit;
}
$name = stream_socket_get_name($socket, false);
show('server name', preg_replace('/:\d+$/', ':PORT', $name));
for ($i = 0; $i < 2; $i++) {
    $client = stream_socket_client("tcp://$name", $cerrno, $cerrstr);
    show('client', is_resource($client));
    $conn = stream_socket_accept($socket);
    show('accepted', is_resource($conn));
    show('fwrite', fwrite($conn, 'The local time is ' . $time . "\n"));
    show('fclose conn', fclose($conn));
    show('client reads', fgets($client));
    show('then', fgets($client));
    show('feof', feof($client));
    fclose($client);
}
show('fclose server', fclose($socket));
