<?php
// The PHP manual's stream_socket_recvfrom() example, with the
// stream_socket_sendto() example's "Out of Band data." as the client's
// first send: a server on tcp://127.0.0.1:0 (not port 1337), a client
// sends out-of-band then normal data, the accepted end reads each. On
// Linux only the last byte of an out-of-band send is urgent data; the rest
// arrives in line, and a normal read stops at the urgent mark. A 100 ms
// pause lets both segments arrive before the reads.
require __DIR__ . '/_dump.php';

$server = stream_socket_server('tcp://127.0.0.1:0');
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
show('sendto OOB', stream_socket_sendto($client, "Out of Band data.", STREAM_OOB));
show('sendto', stream_socket_sendto($client, "Normal data transmit."));
$server_connection = stream_socket_accept($server);
usleep(100000);
echo "Received Out-Of-Band: '" . stream_socket_recvfrom($server_connection, 1500, STREAM_OOB) . "'\n";
echo "Received Normal: '" . stream_socket_recvfrom($server_connection, 1500) . "'\n";
fclose($client);
show('then', stream_socket_recvfrom($server_connection, 1500));
