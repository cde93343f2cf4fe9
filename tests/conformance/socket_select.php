<?php
// Port of php-src ext/sockets/tests/socket_select.phpt: selecting a fresh
// socket pair for reading with a zero timeout returns 0 and empties the array
// (the original holds element 0 by reference, bug #78038; the twin has no
// references). Beyond the original: once one end has data, only the other end
// is left in the array, under its own key.
require __DIR__ . '/_dump.php';

$sockets = array();
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $sockets);
[$a, $b] = $sockets;

$write  = null;
$except = null;
$ref =& $sockets[0]; // bug #78038
show('socket_select', socket_select($sockets, $write, $except, 0));
show('read', $sockets);
show('write', $write);
show('except', $except);
unset($ref);

socket_write($a, 'x');
$sockets = [$a, $b];
show('after a write to $a', socket_select($sockets, $write, $except, 0));
show('read', array_map(fn($s) => $s === $b ? 'b' : 'a', $sockets));
$sockets = [$a, $b];
$write = [$a, $b];
show('read and write', socket_select($sockets, $write, $except, 0));
show('read', array_map(fn($s) => $s === $b ? 'b' : 'a', $sockets));
show('write', array_map(fn($s) => $s === $b ? 'b' : 'a', $write));
socket_close($a);
socket_close($b);
