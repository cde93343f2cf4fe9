<?php
// Port of php-src ext/sockets/tests/socket_bpf_extensions.phpt: reading
// SO_BPF_EXTENSIONS gives the kernel's BPF extension count (a positive
// integer, whose value depends on the kernel). Beyond the original: the
// option is read-only, setting it fails with ENOPROTOOPT.
require __DIR__ . '/_dump.php';

$socket = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
$flags = socket_getopt($socket, SOL_SOCKET, SO_BPF_EXTENSIONS);
show('extensions supported flag is a positive int', is_int($flags) && $flags > 0);
show('set it', socket_set_option($socket, SOL_SOCKET, SO_BPF_EXTENSIONS, 1));
show('socket_last_error($socket)', socket_last_error($socket));
socket_close($socket);
