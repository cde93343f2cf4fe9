<?php
// Port of php-src ext/sockets/tests/socket_defer_acp.phpt: TCP_DEFER_ACCEPT
// set to 5 seconds reads back, once the socket listens, as the kernel's
// rounding of it up to a whole number of SYN-ACK retransmissions (more than
// 5; the exact value depends on the kernel). Beyond the original: 0 turns it
// off.
require __DIR__ . '/_dump.php';

echo "*** Test with TCP_DEFER_ACCEPT with initial SYN/ACK 'timeout' value to rounded up one ***\n";
$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$initial_val = 5;
show('socket_set_option', socket_set_option($socket, SOL_TCP, TCP_DEFER_ACCEPT, $initial_val));
socket_listen($socket);
$rounded_up_val = socket_get_option($socket, SOL_TCP, TCP_DEFER_ACCEPT);
show('rounded up', $rounded_up_val > $initial_val);
show('set 0', socket_set_option($socket, SOL_TCP, TCP_DEFER_ACCEPT, 0));
show('socket_get_option', socket_get_option($socket, SOL_TCP, TCP_DEFER_ACCEPT));
socket_close($socket);
