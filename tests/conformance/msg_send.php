<?php
// socket_sendmsg: argument checks, PHP's conversion of the message array
// (name, iov, control) with its "error converting user data" warnings, and
// what arrives. Port of parts of php-src's socket_sendrecvmsg_error.phpt.
require __DIR__ . '/_dump.php';

$r = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_bind($r, '127.0.0.1', 0);
socket_getsockname($r, $raddr, $rport);
$s = socket_create(AF_INET, SOCK_DGRAM, 0);
$to = ['addr' => '127.0.0.1', 'port' => $rport];

function received($r): void
{
    $data = $addr = $port = null;
    show('  received', socket_recvfrom($r, $data, 1000, MSG_DONTWAIT, $addr, $port));
    show('  data', $data);
}

section('arguments');
attempt('flags 2**31', fn() => socket_sendmsg($s, [], 2147483648));
attempt('flags -2**31-1', fn() => socket_sendmsg($s, [], -2147483649));
attempt('message string', fn() => socket_sendmsg($s, 'x'));
attempt('message null', fn() => socket_sendmsg($s, null));
attempt('one argument', fn() => socket_sendmsg($s));
attempt('four arguments', fn() => socket_sendmsg($s, [], 0, 0));
attempt('socket string', fn() => socket_sendmsg('x', []));
attempt('empty message, unconnected', fn() => socket_sendmsg($s, []));
show('socket_last_error($s)', socket_last_error($s));
show('socket_last_error()', socket_last_error());
socket_clear_error($s);
socket_clear_error();

section('name');
attempt('name int', fn() => socket_sendmsg($s, ['name' => 1]));
attempt('family string', fn() => socket_sendmsg($s, ['name' => ['family' => 'x']]));
attempt('family 99', fn() => socket_sendmsg($s, ['name' => ['family' => 99]]));
attempt('family AF_INET6', fn() => socket_sendmsg($s, ['name' => ['family' => AF_INET6]]));
attempt('family AF_UNIX', fn() => socket_sendmsg($s, ['name' => ['family' => AF_UNIX]]));
attempt('family 2**31', fn() => socket_sendmsg($s, ['name' => ['family' => 2147483648]]));
attempt('family true', fn() => socket_sendmsg($s, ['name' => ['family' => true]]));
attempt('family "2"', fn() => socket_sendmsg($s, ['name' => ['family' => '2'] + $to, 'iov' => ['family "2"']]));
received($r);
attempt('family null', fn() => socket_sendmsg($s, ['name' => ['family' => null] + $to, 'iov' => ['family null']]));
received($r);
attempt('port 65536', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => 65536]]));
attempt('port -1', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => -1]]));
attempt('port "abc"', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => 'abc']]));
attempt('port "0x10"', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => '0x10']]));
attempt('port ""', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => '']]));
attempt('port []', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => []]]));
attempt('port null', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => null]]));
attempt('port false', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => false]]));
attempt('port Socket', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => $s]]));
attempt('port " P "', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => " $rport "], 'iov' => ['spaces']]));
received($r);
attempt('port P.9', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => $rport + 0.9], 'iov' => ['float']]));
received($r);
attempt('port "P.5e0"', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1', 'port' => "$rport.5e0"], 'iov' => ['numeric']]));
received($r);
attempt('addr 2130706433 (127.0.0.1)', fn() => socket_sendmsg($s, ['name' => ['addr' => 2130706433, 'port' => $rport], 'iov' => ['addr int']]));
received($r);
attempt('no port', fn() => socket_sendmsg($s, ['name' => ['addr' => '127.0.0.1'], 'iov' => ['x']]));
attempt('unknown keys ignored', fn() => socket_sendmsg($s, ['name' => $to + ['path' => 'x'], 'iov' => ['ok'], 'x' => 1]));
received($r);

section('iov');
attempt('iov string', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => 'x']));
attempt('iov scalars', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => [1, 4.5, true, false, null, 'z', 1e20, 0.00001, -0.0, 1.5e-7, 0.1 + 0.2, 100000.0, -2.5]]));
received($r);
attempt('iov array element', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => ['a', [1], 'b']]));
received($r);
// An object in iov: PHP sends the message with "" in its place and then
// throws; the module throws before sending (see socket_sendmsg's docs).
attempt('iov keyed', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => ['x' => 'K1', 'y' => 'K2']]));
received($r);
attempt('iov empty', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => []]));
received($r);
attempt('iov binary', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => ["\0\xff", "\x80"]]));
received($r);

section('control');
attempt('control string', fn() => socket_sendmsg($s, ['control' => 1]));
attempt('element int', fn() => socket_sendmsg($s, ['control' => [1]]));
attempt('unknown pair', fn() => socket_sendmsg($s, ['control' => [['level' => 1, 'type' => 99]]]));
attempt('level string', fn() => socket_sendmsg($s, ['control' => [['level' => 'x', 'type' => 99]]]));
attempt('type string', fn() => socket_sendmsg($s, ['control' => [['level' => 1, 'type' => 'y']]]));
attempt('rights without data', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS]]]));
attempt('rights data int', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => 1]]]));
attempt('rights data empty', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => []]]]));
attempt('rights data int element', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$s, 1]]]]));
$c = socket_create(AF_INET, SOCK_DGRAM, 0);
socket_close($c);
attempt('rights closed socket', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_RIGHTS, 'data' => [$s, $s, $c]]]]));
attempt('second element bad', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => 1], ['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => 'x']]]));
attempt('keyed elements', fn() => socket_sendmsg($s, ['control' => ['a' => ['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => 1], 'b' => ['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => []]]]));
attempt('hoplimit 2**31', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => 2147483648]]]));
attempt('hoplimit "1e19"', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => '1e19']]]));
attempt('pktinfo []', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => []]]]));
attempt('pktinfo int', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => 5]]]));
attempt('pktinfo no ifindex', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1']]]]));
attempt('pktinfo ifindex -1', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1', 'ifindex' => -1]]]]));
attempt('pktinfo ifindex 2**32', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1', 'ifindex' => 4294967296]]]]));
attempt('pktinfo ifindex name', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1', 'ifindex' => 'nosuchif0']]]]));
attempt('pktinfo ifindex 1.5', fn() => socket_sendmsg($s, ['control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_PKTINFO, 'data' => ['addr' => '::1', 'ifindex' => 1.5]]]]));
attempt('credentials pid only', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => ['pid' => 1]]]]));
attempt('credentials pid -1', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => ['pid' => -1, 'uid' => 0, 'gid' => 0]]]]));
attempt('credentials pid 2**31', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => ['pid' => 2147483648, 'uid' => 0, 'gid' => 0]]]]));
attempt('credentials uid -1', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => ['pid' => 1, 'uid' => -1, 'gid' => 0]]]]));
attempt('credentials gid 2**32', fn() => socket_sendmsg($s, ['control' => [['level' => SOL_SOCKET, 'type' => SCM_CREDENTIALS, 'data' => ['pid' => 1, 'uid' => 0, 'gid' => 4294967296]]]]));
attempt('hoplimit on IPv4 (kernel)', fn() => socket_sendmsg($s, ['name' => $to, 'iov' => ['x'], 'control' => [['level' => IPPROTO_IPV6, 'type' => IPV6_HOPLIMIT, 'data' => 1]]]));
show('socket_last_error($s)', socket_last_error($s));
received($r);

section('AF_UNIX names');
$dir = make_temp_dir();
$u = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($u, "$dir/r.sock");
$v = socket_create(AF_UNIX, SOCK_DGRAM, 0);
attempt('path empty', fn() => socket_sendmsg($v, ['name' => ['path' => '']]));
attempt('path 108 bytes', fn() => socket_sendmsg($v, ['name' => ['path' => str_repeat('a', 108)]]));
attempt('path 107 bytes (missing)', fn() => socket_sendmsg($v, ['name' => ['path' => str_repeat('a', 107)]]));
attempt('family AF_INET', fn() => socket_sendmsg($v, ['name' => ['family' => AF_INET]]));
attempt('no path: empty abstract name', fn() => socket_sendmsg($v, ['name' => []]));
attempt('path with NUL: cut there', fn() => socket_sendmsg($v, ['name' => ['path' => "$dir/r.sock\0tail"], 'iov' => ['cut']]));
$data = $from = null;
show('  received', socket_recvfrom($u, $data, 100, MSG_DONTWAIT, $from));
show('  data', $data);
attempt('path int', fn() => socket_sendmsg($v, ['name' => ['path' => 5]]));
socket_close($u);
socket_close($v);
remove_temp_dir($dir);

section('AF_INET6 names');
$r6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
socket_bind($r6, '::1', 0);
socket_getsockname($r6, $a6, $p6);
$s6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
attempt('flowinfo -1', fn() => socket_sendmsg($s6, ['name' => ['addr' => '::1', 'port' => $p6, 'flowinfo' => -1]]));
attempt('scope_id 2**32', fn() => socket_sendmsg($s6, ['name' => ['addr' => '::1', 'port' => $p6, 'scope_id' => 4294967296]]));
attempt('v6 ok', fn() => socket_sendmsg($s6, ['name' => ['addr' => '::1', 'port' => $p6, 'flowinfo' => 0, 'scope_id' => 0], 'iov' => ['six']]));
attempt('AF_INET on a v6 socket', fn() => socket_sendmsg($s6, ['name' => ['family' => AF_INET, 'addr' => '127.0.0.1', 'port' => 9]]));
$data = $from = $port = null;
show('  received', socket_recvfrom($r6, $data, 100, MSG_DONTWAIT, $from, $port));
show('  data', $data);
socket_close($r6);
socket_close($s6);

socket_close($s);
attempt('closed', fn() => socket_sendmsg($s, []));
attempt('closed, flags out of range first', fn() => socket_sendmsg($s, [], 2147483648));
