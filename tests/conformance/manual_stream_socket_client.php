<?php
// The PHP manual's stream_socket_client() examples on loopback: the HTTP
// request (to a server in the same script on tcp://127.0.0.1:0, not
// www.example.com:80, answering with a fixed response) read with
// fgets() until feof(), and the UDP "daytime" request (to a udp server on
// 127.0.0.1:0, not port 13, answering with a fixed time string).
require __DIR__ . '/_dump.php';

section('tcp');
$server = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$name = stream_socket_get_name($server, false);
$fp = stream_socket_client("tcp://$name", $errno, $errstr, 30);
if (!$fp) {
    echo "$errstr ($errno)\n";
} else {
    fwrite($fp, "GET / HTTP/1.0\r\nHost: localhost\r\nAccept: */*\r\n\r\n");
    $conn = stream_socket_accept($server);
    $request = '';
    while (($line = fgets($conn)) !== false && $line !== "\r\n") {
        $request .= $line;
    }
    show('server got', $request);
    fwrite($conn, "HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello");
    fclose($conn);
    while (!feof($fp)) {
        show('line', fgets($fp, 1024));
    }
    fclose($fp);
}
fclose($server);

section('udp');
$server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$name = stream_socket_get_name($server, false);
$fp = stream_socket_client("udp://$name", $errno, $errstr);
if (!$fp) {
    echo "ERROR: $errno - $errstr\n";
} else {
    show('fwrite', fwrite($fp, "\n"));
    $got = stream_socket_recvfrom($server, 10, 0, $peer);
    show('server got', $got);
    stream_socket_sendto($server, "Fri Jan  2 15:04:05 2026\r\n", 0, $peer);
    show('fread', fread($fp, 26));
    fclose($fp);
}
fclose($server);
