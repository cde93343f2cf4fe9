<?php
// The PHP manual's socket_import_stream() example: a UDP stream server,
// imported as a Socket to set an option streams have no function for
// (MCAST_JOIN_GROUP). Changed: bound to 127.0.0.1:0 (not 0.0.0.0:58380)
// and the group joined on the loopback interface "lo" (not "eth0"). Adds:
// leaving twice (the second fails), and the stream and the Socket sharing one
// descriptor (a datagram sent to the stream arrives on the Socket).
require __DIR__ . '/_dump.php';

$stream = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$sock = socket_import_stream($stream);
show('imported', $sock);
show('join', socket_set_option($sock, IPPROTO_IP, MCAST_JOIN_GROUP, ['group' => '224.0.0.23', 'interface' => 'lo']));
show('leave', socket_set_option($sock, IPPROTO_IP, MCAST_LEAVE_GROUP, ['group' => '224.0.0.23', 'interface' => 'lo']));
show('leave again', socket_set_option($sock, IPPROTO_IP, MCAST_LEAVE_GROUP, ['group' => '224.0.0.23', 'interface' => 'lo']));
$name = stream_socket_get_name($stream, false);
$client = stream_socket_client("udp://$name");
fwrite($client, 'hello');
show('recvfrom', socket_recvfrom($sock, $buf, 100, 0, $from, $port));
show('buf', $buf);
show('from', $from);
