<?php
// Port of php-src ext/sockets/tests/gh17921.phpt (GH-17921: socket_read and
// socket_recv with a huge length): PHP_INT_MAX and PHP_INT_MIN as lengths
// return false at once, without a warning and without touching $a, on a
// listening socket bound to 127.0.0.1 port 0 (instead of
// socket_create_listen(0), which listens on every interface). Beyond the
// original: socket_recvfrom, and that a real read would have warned.
// HAND-WRITTEN: PHP 8.2 dies of memory exhaustion on socket_read($s, PHP_INT_MAX); the module does what PHP does since the GH-17921 fix, whose test output this is.
require __DIR__ . '/_dump.php';

$s_c_l = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_bind($s_c_l, '127.0.0.1', 0);
socket_listen($s_c_l);
show('socket_read PHP_INT_MAX', socket_read($s_c_l, PHP_INT_MAX));
show('socket_read PHP_INT_MIN', socket_read($s_c_l, PHP_INT_MIN));
$a = "";
show('socket_recv PHP_INT_MAX', socket_recv($s_c_l, $a, PHP_INT_MAX, 0));
show('socket_recv PHP_INT_MIN', socket_recv($s_c_l, $a, PHP_INT_MIN, 0));
show('$a', $a);
$from = $port = 'untouched';
show('socket_recvfrom PHP_INT_MAX', socket_recvfrom($s_c_l, $a, PHP_INT_MAX, 0, $from, $port));
show('values', [$a, $from, $port]);
show('socket_last_error($s_c_l)', socket_last_error($s_c_l));
show('socket_read 1', socket_read($s_c_l, 1));
socket_close($s_c_l);
