<?php
// Port of php-src ext/sockets/tests/socket_set_option_rcvtimeo.phpt: an empty
// array for SO_RCVTIMEO throws (PHP 8's ValueError instead of the original's
// warning), a set value reads back as exactly the same array. Beyond the
// original: the timeout works, a read on a quiet socket gives up after it
// with EAGAIN and no warning.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_block($socket);

attempt('empty array', fn() => socket_set_option($socket, SOL_SOCKET, SO_RCVTIMEO, array()));

$options = array("sec" => 1, "usec" => 0);
$retval_2 = socket_set_option($socket, SOL_SOCKET, SO_RCVTIMEO, $options);
$retval_3 = socket_get_option($socket, SOL_SOCKET, SO_RCVTIMEO);
show('socket_set_option', $retval_2);
show('identical', $retval_3 === $options);
socket_close($socket);

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
show('0.2 s', socket_set_option($pair[0], SOL_SOCKET, SO_RCVTIMEO, ["sec" => 0, "usec" => 200000]));
$start = microtime(true);
show('read', socket_read($pair[0], 10));
$waited = microtime(true) - $start;
show('waited 0.2 s', $waited >= 0.15 && $waited < 5);
show('socket_last_error($pair[0])', socket_last_error($pair[0]));
socket_close($pair[0]);
socket_close($pair[1]);
