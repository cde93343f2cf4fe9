<?php
// socket_addrinfo_lookup / _explain / _bind / _connect: result shapes, hints,
// failures, and sockets made from the results. Numeric hosts only (host
// names are in addrinfo_names.php).
require __DIR__ . '/_dump.php';

function explain_all(string $label, $infos): void
{
    if ($infos === false) {
        echo "$label: false\n";
        return;
    }
    echo "$label: ", count($infos), " result(s)\n";
    foreach ($infos as $i => $info) {
        show("  [$i]", socket_addrinfo_explain($info));
    }
}

section('lookups');
explain_all('127.0.0.1', socket_addrinfo_lookup('127.0.0.1'));
explain_all('127.0.0.1:80 stream', socket_addrinfo_lookup('127.0.0.1', '80', ['ai_socktype' => SOCK_STREAM]));
explain_all('::1 dgram canonname', socket_addrinfo_lookup('::1', '80', ['ai_flags' => AI_CANONNAME, 'ai_family' => AF_INET6, 'ai_socktype' => SOCK_DGRAM]));
explain_all('passive v6', socket_addrinfo_lookup('::', '0', ['ai_flags' => AI_PASSIVE, 'ai_family' => AF_INET6, 'ai_socktype' => SOCK_STREAM]));
explain_all('service by name', socket_addrinfo_lookup('127.0.0.1', 'http', ['ai_socktype' => SOCK_STREAM]));
explain_all('numeric service flag', socket_addrinfo_lookup('127.0.0.1', '7', ['ai_flags' => AI_NUMERICSERV, 'ai_protocol' => SOL_UDP]));

section('failures return false silently');
explain_all('unknown service', socket_addrinfo_lookup('127.0.0.1', 'no-such-service'));
explain_all('AF_UNIX family', socket_addrinfo_lookup('127.0.0.1', null, ['ai_family' => AF_UNIX]));
explain_all('v6 address, v4 family', socket_addrinfo_lookup('::1', null, ['ai_family' => AF_INET]));
explain_all('empty host', socket_addrinfo_lookup(''));
show('socket_last_error()', socket_last_error());

section('argument errors');
attempt('unknown key', fn () => socket_addrinfo_lookup('127.0.0.1', null, ['ai_flags' => 0, 'flags' => 1]));
attempt('new AddressInfo', fn () => new AddressInfo());
attempt('explain(string)', fn () => socket_addrinfo_explain('x'));
attempt('bind(null)', fn () => socket_addrinfo_bind(null));

section('bind and connect');
$infos = socket_addrinfo_lookup('127.0.0.1', '0', ['ai_socktype' => SOCK_STREAM, 'ai_family' => AF_INET]);
$server = socket_addrinfo_bind($infos[0]);
show('bound', $server);
$addr = $port = null;
socket_getsockname($server, $addr, $port);
show('address', $addr);
show('port > 0', $port > 0);
socket_listen($server);
$infos = socket_addrinfo_lookup('127.0.0.1', (string) $port, ['ai_socktype' => SOCK_STREAM, 'ai_family' => AF_INET]);
$client = socket_addrinfo_connect($infos[0]);
show('connected', $client);
$conn = socket_accept($server);
socket_write($client, "over addrinfo\n");
show('received', socket_read($conn, 100));
show('second bind to the same port', socket_addrinfo_bind($infos[0]));
show('socket_last_error()', socket_last_error());
socket_close($conn);
socket_close($client);
socket_close($server);
$refused = socket_addrinfo_lookup('127.0.0.1', (string) $port, ['ai_socktype' => SOCK_STREAM, 'ai_family' => AF_INET]);
show('connect to a closed port', socket_addrinfo_connect($refused[0]));
show('socket_last_error()', socket_last_error());
$v6 = socket_addrinfo_lookup('::1', '0', ['ai_socktype' => SOCK_DGRAM, 'ai_family' => AF_INET6]);
$u = socket_addrinfo_bind($v6[0]);
socket_getsockname($u, $addr, $port);
show('udp v6 bound', [$addr, $port > 0]);
socket_close($u);
$udp = socket_addrinfo_lookup('127.0.0.1', '9', ['ai_socktype' => SOCK_DGRAM, 'ai_family' => AF_INET]);
$c = socket_addrinfo_connect($udp[0]);
show('udp connect (sends nothing)', $c);
socket_getpeername($c, $addr, $port);
show('udp peer', [$addr, $port]);
socket_close($c);

section('numeric shorthands in socket_bind and socket_connect');
$s = socket_create(AF_INET, SOCK_STREAM, 0);
show('bind 127.1', socket_bind($s, '127.1', 0));
socket_getsockname($s, $addr, $port);
show('bound to', $addr);
show('connect ""', socket_connect($s, '', 80));
show('socket_last_error($s)', socket_last_error($s));
show('socket_strerror', socket_strerror(socket_last_error($s)));
socket_close($s);
