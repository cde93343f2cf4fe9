<?php
// The PHP manual's socket_recv() example: an HTTP HEAD request read back with
// socket_recv(MSG_WAITALL). The manual asks www.example.com on port 80; here
// a server on 127.0.0.1 (port 0, printed as PORT) stands in for it, answering
// from this same script between the request and the read, with a fixed
// response, then closing, which ends the MSG_WAITALL read.
require __DIR__ . '/_dump.php';

error_reporting(E_ALL);

$server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($server, '127.0.0.1', 0);
socket_listen($server);
socket_getsockname($server, $unused, $server_port);

function answer(Socket $server): void
{
    $conn = socket_accept($server);
    $request = '';
    while (!str_contains($request, "\r\n\r\n")) {
        $request .= socket_read($conn, 1024);
    }
    echo "(server got ", strlen($request), " bytes: ", strtok($request, "\r"), ")\n";
    socket_write($conn, "HTTP/1.1 200 OK\r\nContent-Length: 438\r\nConnection: close\r\n\r\n");
    socket_close($conn);
}

echo "<h2>TCP/IP Connection</h2>\n";

/* Get the port for the WWW service. */
$service_port = $server_port;

/* Get the IP address for the target host. */
$address = '127.0.0.1';

/* Create a TCP/IP socket. */
$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
if ($socket === false) {
    echo "socket_create() failed: reason: " . socket_strerror(socket_last_error()) . "\n";
} else {
    echo "OK.\n";
}

echo "Attempting to connect to '$address' on port 'PORT'...";
$result = socket_connect($socket, $address, $service_port);
if ($result === false) {
    echo "socket_connect() failed.\nReason: ($result) " . socket_strerror(socket_last_error($socket)) . "\n";
} else {
    echo "OK.\n";
}

$in = "HEAD / HTTP/1.1\r\n";
$in .= "Host: www.example.com\r\n";
$in .= "Connection: Close\r\n\r\n";
$out = '';

echo "Sending HTTP HEAD request...";
socket_write($socket, $in, strlen($in));
echo "OK.\n";

answer($server);

echo "Reading response:\n\n";
$buf = 'This is my buffer.';
if (false !== ($bytes = socket_recv($socket, $buf, 2048, MSG_WAITALL))) {
    echo "Read $bytes bytes from socket_recv(). Closing socket...";
} else {
    echo "socket_recv() failed; reason: " . socket_strerror(socket_last_error($socket)) . "\n";
}
socket_close($socket);

echo $buf . "\n";
echo "OK.\n\n";
socket_close($server);
