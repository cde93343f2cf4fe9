<?php
// Port of php-src ext/sockets/tests/socket_reuseport_cbpf.phpt (PHP 8.3):
// with SO_REUSEADDR and SO_REUSEPORT set, SO_ATTACH_REUSEPORT_CBPF with 0 (an
// empty array converts to 0) detaches the filter, which fails with ENOENT
// while there is none; SKF_AD_CPU attaches PHP's two-instruction program and
// the socket then binds (127.0.0.1 port 0 instead of 0.0.0.0). Beyond the
// original: SKF_AD_QUEUE, an unsupported value, and that 0 does not detach
// the program once attached either: PHP 8.3 detaches with SO_DETACH_BPF,
// which removes a socket filter, not a reuseport program (php-src master
// uses SO_DETACH_REUSEPORT_BPF).
// HAND-WRITTEN: SO_ATTACH_REUSEPORT_CBPF and SKF_AD_QUEUE's use are PHP 8.3+; the expected output is the php-src test's, plus PHP 8.3's own warning for other values.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
show('SO_REUSEADDR', socket_set_option($socket, SOL_SOCKET, SO_REUSEADDR, true));
show('SO_REUSEPORT', socket_set_option($socket, SOL_SOCKET, SO_REUSEPORT, true));
show('detach (empty array)', socket_set_option($socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, array()));
show('socket_last_error($socket)', socket_last_error($socket));
show('SKF_AD_CPU', socket_set_option($socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SKF_AD_CPU));
show('socket_bind', socket_bind($socket, '127.0.0.1'));
show('socket_listen', socket_listen($socket));
show('SKF_AD_QUEUE', socket_set_option($socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SKF_AD_QUEUE));
show('detach (0) still fails', socket_set_option($socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, 0));
show('SKF_AD_IFINDEX', socket_set_option($socket, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SKF_AD_IFINDEX));
socket_close($socket);
