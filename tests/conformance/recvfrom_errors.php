<?php
// Own case: socket_recvfrom() failures warn with PHP's texts, which differ
// by family ("Unable to recvfrom" for AF_UNIX and AF_INET, "unable to
// recvfrom" for AF_INET6), store the code in the socket and the global last
// error, and leave the references alone; EAGAIN stores its code without a
// warning.
require __DIR__ . '/_dump.php';

function attempt_recvfrom(string $label, Socket $s, int $flags = 0): void
{
    $buf = $from = $port = 'untouched';
    show($label, socket_recvfrom($s, $buf, 10, $flags, $from, $port));
    show('  values', [$buf, $from, $port]);
    show('  codes', [socket_last_error($s), socket_last_error()]);
    socket_clear_error($s);
    socket_clear_error();
}

$t = socket_create(AF_INET, SOCK_STREAM, 0);
socket_bind($t, '127.0.0.1', 0);
socket_listen($t);
attempt_recvfrom('AF_INET listening', $t);

$t6 = socket_create(AF_INET6, SOCK_STREAM, 0);
socket_bind($t6, '::1', 0);
socket_listen($t6);
attempt_recvfrom('AF_INET6 listening', $t6);

$u = socket_create(AF_UNIX, SOCK_STREAM, 0);
attempt_recvfrom('AF_UNIX unconnected stream', $u);

$d = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_bind($d, '127.0.0.1', 0);
attempt_recvfrom('AF_INET UDP with MSG_DONTWAIT, nothing queued', $d, MSG_DONTWAIT);

$d6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
socket_bind($d6, '::1', 0);
socket_set_nonblock($d6);
attempt_recvfrom('AF_INET6 non-blocking UDP, nothing queued', $d6);
$ud = socket_create(AF_UNIX, SOCK_DGRAM, 0);
attempt_recvfrom('AF_UNIX datagram, MSG_DONTWAIT, nothing queued', $ud, MSG_DONTWAIT);

foreach ([$t, $t6, $u, $d, $d6, $ud] as $s) {
    socket_close($s);
}
