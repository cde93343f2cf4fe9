<?php
// socket_getsockname / socket_getpeername formats for AF_INET, AF_INET6
// (including v4-mapped), AF_UNIX (path, unbound, abstract), and failures.
require __DIR__ . '/_dump.php';

$dir = '/no-temp-dir-yet';

function names(string $label, Socket $s, bool $withPort = true): void
{
    global $dir;
    $addr = 'untouched';
    $port = 'untouched';
    $ok = $withPort ? socket_getsockname($s, $addr, $port) : socket_getsockname($s, $addr);
    $p = is_int($port) ? ($port > 0 ? 'port > 0' : "port $port") : render($port);
    echo "$label sockname: ", render($ok), ' ', render(rel($addr, $dir)), ' ', $p, "\n";
}

function peer(string $label, Socket $s, bool $withPort = true): void
{
    global $dir;
    $addr = 'untouched';
    $port = 'untouched';
    $ok = $withPort ? socket_getpeername($s, $addr, $port) : socket_getpeername($s, $addr);
    $p = is_int($port) ? ($port > 0 ? 'port > 0' : "port $port") : render($port);
    echo "$label peername: ", render($ok), ' ', render(rel($addr, $dir)), ' ', $p, "\n";
}

section('AF_INET');
$s = socket_create(AF_INET, SOCK_STREAM, 0);
names('unbound', $s);
names('unbound, no port argument', $s, false);
peer('unconnected', $s);
show('socket_last_error($s)', socket_last_error($s));
show('socket_last_error()', socket_last_error());
socket_bind($s, '127.0.0.1');
names('bound to 127.0.0.1 port 0', $s);
socket_listen($s);
socket_getsockname($s, $a, $port);
$c = socket_create(AF_INET, SOCK_STREAM, 0);
socket_connect($c, '127.0.0.1', $port);
$acc = socket_accept($s);
names('client', $c);
peer('client', $c);
peer('accepted', $acc);
$cport = $pport = null;
socket_getsockname($c, $a, $cport);
socket_getpeername($acc, $a, $pport);
show('accepted peer port is the client port', $cport === $pport);
socket_getpeername($c, $a, $pport);
show('client peer port is the listener port', $pport === $port);
names('accepted', $acc);
$u = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_bind($u, '127.0.0.1', 0);
names('udp bound', $u);
peer('udp unconnected', $u);
socket_close($u);
socket_close($acc);
socket_close($c);
socket_close($s);

section('AF_INET6');
$s = socket_create(AF_INET6, SOCK_STREAM, 0);
names('unbound', $s);
peer('unconnected', $s);
socket_bind($s, '::1', 0);
names('bound to ::1', $s);
socket_listen($s);
socket_getsockname($s, $a, $port);
$c = socket_create(AF_INET6, SOCK_STREAM, 0);
show('connect [::1]', socket_connect($c, '::1', $port));
$acc = socket_accept($s);
names('client', $c);
peer('client', $c);
peer('accepted', $acc);
socket_close($acc);
socket_close($c);
socket_close($s);
$s = socket_create(AF_INET6, SOCK_STREAM, 0);
show('bind "::ffff:127.0.0.1" on AF_INET6', socket_bind($s, '::ffff:127.0.0.1', 0));
names('v4-mapped', $s);
socket_listen($s);
socket_getsockname($s, $a, $port);
$c = socket_create(AF_INET, SOCK_STREAM, 0);
show('IPv4 client connects', socket_connect($c, '127.0.0.1', $port));
$acc = socket_accept($s);
peer('accepted from IPv4', $acc);
names('accepted from IPv4', $acc);
socket_close($acc);
socket_close($c);
socket_close($s);

section('AF_UNIX');
$dir = make_temp_dir();
$path = "$dir/stream.sock";
$s = socket_create(AF_UNIX, SOCK_STREAM, 0);
names('unbound', $s);
names('unbound, no port argument', $s, false);
peer('unconnected', $s);
show('bind', socket_bind($s, $path));
$addr = null;
socket_getsockname($s, $addr);
show('bound path', rel($addr, $dir));
show('listen', socket_listen($s, 1));
$c = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('connect', socket_connect($c, $path));
show('connect ignores a port', socket_connect(socket_create(AF_UNIX, SOCK_STREAM, 0), $path, 80));
$acc = socket_accept($s);
$acc2 = socket_accept($s);
names('client', $c);
peer('client', $c);
socket_getpeername($c, $addr);
show('client peer path', rel($addr, $dir));
names('accepted', $acc);
socket_getsockname($acc, $addr);
show('accepted own path', rel($addr, $dir));
peer('accepted (unbound client)', $acc);
show('round trip', socket_write($c, 'unix') === 4 && socket_read($acc, 10) === 'unix');
socket_close($acc2);
socket_close($acc);
socket_close($c);
socket_close($s);

$bound = "$dir/client.sock";
$s = socket_create(AF_UNIX, SOCK_STREAM, 0);
socket_bind($s, $path . '2');
socket_listen($s);
$c = socket_create(AF_UNIX, SOCK_STREAM, 0);
socket_bind($c, $bound);
socket_connect($c, $path . '2');
$acc = socket_accept($s);
socket_getpeername($acc, $addr);
show('accepted peer path (bound client)', rel($addr, $dir));
socket_close($acc);
socket_close($c);
socket_close($s);

$abstract = "\0php-conformance-" . bin2hex(random_bytes(8));
$s = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('bind abstract', socket_bind($s, $abstract));
names('abstract', $s);
socket_listen($s);
$c = socket_create(AF_UNIX, SOCK_STREAM, 0);
show('connect abstract', socket_connect($c, $abstract));
peer('client of abstract', $c);
socket_close($c);
socket_close($s);

$pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
names('socketpair', $pair[0]);
peer('socketpair', $pair[0]);
socket_close($pair[0]);
socket_close($pair[1]);
remove_temp_dir($dir);

section('failure leaves the references alone');
$s = socket_create(AF_INET, SOCK_STREAM, 0);
$addr = null;
$port = null;
show('getpeername', socket_getpeername($s, $addr, $port));
show('address', $addr);
show('port', $port);
show('socket_last_error($s)', socket_last_error($s));
socket_clear_error($s);
show('socket_last_error($s) after clear', socket_last_error($s));
show('socket_last_error()', socket_last_error());
socket_close($s);
