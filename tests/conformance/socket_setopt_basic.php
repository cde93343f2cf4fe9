<?php
// Port of php-src ext/sockets/tests/socket_setopt_basic.phpt: SO_SNDTIMEO set
// with the socket_setopt() alias reads back with socket_getopt() as exactly
// the same array (keys in order, integers). Beyond the original: a
// fractional timeout, and back to none.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
socket_set_block($socket);

$options = array("sec" => 1, "usec" => 0);
$retval_1 = socket_setopt($socket, SOL_SOCKET, SO_SNDTIMEO, $options);
$retval_2 = socket_getopt($socket, SOL_SOCKET, SO_SNDTIMEO);
show('socket_setopt', $retval_1);
show('identical', $retval_2 === $options);
show('socket_getopt', $retval_2);

show('2.5 s', socket_setopt($socket, SOL_SOCKET, SO_SNDTIMEO, ["sec" => 2, "usec" => 500000]));
show('socket_getopt', socket_getopt($socket, SOL_SOCKET, SO_SNDTIMEO));
show('none', socket_setopt($socket, SOL_SOCKET, SO_SNDTIMEO, ["usec" => 0, "sec" => 0]));
show('socket_getopt', socket_getopt($socket, SOL_SOCKET, SO_SNDTIMEO));
socket_close($socket);
