<?php
// Datagrams: socket_sendto / socket_recvfrom over UDP on 127.0.0.1 and ::1
// and over AF_UNIX SOCK_DGRAM, with the address and port they report.
require __DIR__ . '/_dump.php';

function udp_case(int $family, string $ip): void
{
    $r = socket_create($family, SOCK_DGRAM, SOL_UDP);
    show('bind receiver', socket_bind($r, $ip, 0));
    socket_getsockname($r, $raddr, $rport);
    $s = socket_create($family, SOCK_DGRAM, SOL_UDP);
    show('bind sender', socket_bind($s, $ip));
    socket_getsockname($s, $saddr, $sport);
    show('sender port > 0', $sport > 0);

    show('sendto', socket_sendto($s, "dgram\0\xff", 7, 0, $ip, $rport));
    $data = $addr = $port = null;
    show('recvfrom', socket_recvfrom($r, $data, 100, 0, $addr, $port));
    show('data', $data);
    show('address', $addr);
    show('port is the sender port', $port === $sport);

    show('sendto 3 of 6', socket_sendto($s, 'abcdef', 3, 0, $ip, $rport));
    show('sendto 100 of 6', socket_sendto($s, 'ghijkl', 100, 0, $ip, $rport));
    show('sendto empty', socket_sendto($s, '', 0, 0, $ip, $rport));
    show('recvfrom', socket_recvfrom($r, $data, 100, 0, $addr, $port));
    show('data', $data);
    show('recvfrom truncates to 2', socket_recvfrom($r, $data, 2, 0, $addr, $port));
    show('data', $data);
    $data = 'keep';
    show('recvfrom empty datagram', socket_recvfrom($r, $data, 100, 0, $addr, $port));
    show('data', $data);

    section('  length <= 0 assigns nothing');
    $data = $addr = $port = 'keep';
    show('recvfrom length 0', socket_recvfrom($r, $data, 0, 0, $addr, $port));
    show('recvfrom length -3', socket_recvfrom($r, $data, -3, 0, $addr, $port));
    show('values', [$data, $addr, $port]);

    section('  nothing to read with MSG_DONTWAIT');
    show('recvfrom', socket_recvfrom($r, $data, 100, MSG_DONTWAIT, $addr, $port));
    show('values', [$data, $addr, $port]);
    show('socket_last_error($r)', socket_last_error($r));
    socket_clear_error($r);
    socket_clear_error();

    section('  port is required');
    attempt('recvfrom without port', function () use ($r, &$data, &$addr) {
        return socket_recvfrom($r, $data, 100, 0, $addr);
    });
    attempt('sendto without port', fn() => socket_sendto($s, 'x', 1, 0, $ip));
    attempt('sendto port null', fn() => socket_sendto($s, 'x', 1, 0, $ip, null));
    attempt('sendto length -1', fn() => socket_sendto($s, 'x', -1, 0, $ip, $rport));

    section('  connected datagram socket');
    show('connect', socket_connect($s, $ip, $rport));
    show('write', socket_write($s, 'via write'));
    show('send', socket_send($s, 'via send', 8, 0));
    show('read', socket_read($r, 100));
    show('recv', socket_recv($r, $data, 100, 0));
    show('data', $data);
    show('socket_getpeername', socket_getpeername($s, $addr, $port));
    show('peer address', $addr);
    show('peer port is the receiver port', $port === $rport);
    socket_close($s);
    socket_close($r);
}

section('UDP over IPv4');
udp_case(AF_INET, '127.0.0.1');
section('UDP over IPv6');
udp_case(AF_INET6, '::1');

section('IPv4 datagram to an IPv6 socket (v4-mapped)');
$r6 = socket_create(AF_INET6, SOCK_DGRAM, 0);
show('bind "::ffff:127.0.0.1"', socket_bind($r6, '::ffff:127.0.0.1', 0));
socket_getsockname($r6, $a6, $p6);
show('bound address', $a6);
$s4 = socket_create(AF_INET, SOCK_DGRAM, 0);
show('sendto', socket_sendto($s4, 'v4', 2, 0, '127.0.0.1', $p6));
show('recvfrom', socket_recvfrom($r6, $data, 100, 0, $addr, $port));
show('data', $data);
show('address', $addr);
show('sendto "::ffff:127.0.0.1"', socket_sendto($r6, 'back', 4, 0, '::ffff:127.0.0.1', $port));
show('recvfrom on v4', socket_recvfrom($s4, $data, 100, 0, $addr, $port));
show('data', $data);
show('address', $addr);
show('port is the v6 port', $port === $p6);
socket_close($s4);
socket_close($r6);

section('AF_UNIX datagrams');
$dir = make_temp_dir();
$rpath = "$dir/recv.sock";
$spath = "$dir/send.sock";
$r = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('bind receiver', socket_bind($r, $rpath));
$s = socket_create(AF_UNIX, SOCK_DGRAM, 0);
show('sendto from an unbound socket', socket_sendto($s, 'anon', 4, 0, $rpath));
$data = null;
$addr = null;
$port = 'untouched';
show('recvfrom', socket_recvfrom($r, $data, 100, 0, $addr, $port));
show('data', $data);
show('address', $addr);
show('port', $port);
show('bind sender', socket_bind($s, $spath));
show('sendto from a bound socket', socket_sendto($s, "named\n", 6, 0, $rpath));
show('recvfrom without port', socket_recvfrom($r, $data, 100, 0, $addr));
show('data', $data);
show('address', rel($addr, $dir));
show('sendto port ignored', socket_sendto($r, 'reply', 5, 0, $spath, 12345));
show('recvfrom', socket_recvfrom($s, $data, 100, 0, $addr, $port));
show('data', $data);
show('address', rel($addr, $dir));
show('port', $port);
show('sendto a missing path', socket_sendto($s, 'x', 1, 0, "$dir/missing.sock"));
show('socket_last_error($s)', socket_last_error($s));
show('recvfrom MSG_DONTWAIT', socket_recvfrom($r, $data, 100, MSG_DONTWAIT, $addr));
show('socket_last_error($r)', socket_last_error($r));
socket_close($s);
socket_close($r);
remove_temp_dir($dir);
