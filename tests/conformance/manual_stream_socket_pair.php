<?php
// The PHP manual's stream_socket_pair() example without pcntl_fork(): the
// two ends of a Unix stream pair (STREAM_IPPROTO_IP) talk to each other in
// one process, each side doing what the parent and the child do there. The
// parent's message names no pid.
require __DIR__ . '/_dump.php';

$sockets = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
show('pair', count($sockets));
// parent side
show('parent writes', fwrite($sockets[1], "hello from the parent\n"));
// child side
show('child writes', fwrite($sockets[0], "message from child\n"));
show('child reads', fgets($sockets[0]));
show('child closes', fclose($sockets[0]));
// parent side
show('parent reads', fgets($sockets[1]));
show('then', fgets($sockets[1]));
show('parent closes', fclose($sockets[1]));
