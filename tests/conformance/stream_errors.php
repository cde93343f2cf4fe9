<?php
// stream_socket_server / stream_socket_client failures: transports, address
// parsing, bind and connect errors, with the warning text and the
// $error_code / $error_message references. Loopback and numeric hosts only.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$port = -1;

/** The temporary directory and the server's port, masked so outputs compare equal. */
function mask(string $text): string
{
    global $dir, $port;
    return str_replace([$dir, ":$port"], ['DIR', ':PORT'], $text);
}

function server(string $label, string $address, int $flags = STREAM_SERVER_BIND | STREAM_SERVER_LISTEN): mixed
{
    $code = 'untouched';
    $message = 'untouched';
    $s = stream_socket_server($address, $code, $message, $flags);
    echo "$label: ", render($s === false ? false : 'stream'), ' code=', render($code), ' message=', render(mask($message)), "\n";
    return $s;
}

function client(string $label, string $address, int $flags = STREAM_CLIENT_CONNECT): mixed
{
    $code = 'untouched';
    $message = 'untouched';
    $s = stream_socket_client($address, $code, $message, 5, $flags);
    echo "$label: ", render($s === false ? false : 'stream'), ' code=', render($code), ' message=', render(mask($message)), "\n";
    return $s;
}

set_error_handler(function (int $no, string $str): bool {
    $names = [E_WARNING => 'Warning', E_NOTICE => 'Notice'];
    echo ($names[$no] ?? "Error($no)"), ': ', mask($str), "\n";
    return true;
});

section('transports');
server('unknown transport', 'foo://127.0.0.1:0');
server('transport names are case-sensitive', 'Tcp://127.0.0.1:0');
client('unknown transport (client)', 'bar://127.0.0.1:1');
client('transport names take + . - and digits', 'x+y.z-1://127.0.0.1:1');

section('address parsing');
server('no port', 'tcp://127.0.0.1');
server('colon at the end', 'tcp://127.0.0.1:');
server('unclosed bracket', 'tcp://[::1');
server('bracket without a port', 'tcp://[::1]80');
server('unbracketed IPv6', 'tcp://::1:0');
client('empty host', 'tcp://:80');
client('empty address', '');

section('bind, listen and connect failures');
$s = server('no transport prefix means tcp', '127.0.0.1:0');
$name = stream_socket_get_name($s, false);
$port = (int) substr($name, strrpos($name, ':') + 1);
server('address in use', "tcp://127.0.0.1:$port");
server('udp with the default flags', 'udp://127.0.0.1:0');
$u = server('udp with STREAM_SERVER_BIND', 'udp://127.0.0.1:0', STREAM_SERVER_BIND);
fclose($s);
client('refused', "tcp://127.0.0.1:$port");
client('refused over IPv6', "tcp://[::1]:$port");
$u2 = client('udp never fails to connect', "udp://127.0.0.1:$port");
server('unix: missing directory', "unix://$dir/missing/dir/sock");
server('udg: missing directory', "udg://$dir/missing/dir/sock", STREAM_SERVER_BIND);
client('unix: no such socket', "unix://$dir/nothing.sock");
client('udg: no such socket', "udg://$dir/nothing.sock");
client('quotes are escaped in the warning', "unix://$dir/it's \"quoted\"");
$us = server('unix server', "unix://$dir/a.sock");
server('unix: path in use', "unix://$dir/a.sock");
$uc = client('unix client', "unix://$dir/a.sock");
fclose($uc);
fclose($us);
fclose($u);
fclose($u2);

section('unusual flags');
$x = server('no STREAM_SERVER_BIND: a stream without a socket', 'tcp://127.0.0.1:0', STREAM_SERVER_LISTEN);
show('its name', stream_socket_get_name($x, false));
show('blocking mode cannot be set', stream_set_blocking($x, false));
attempt('accept on it times out', fn () => stream_socket_accept($x, 0.05));
fclose($x);
$y = client('no connect flag: a stream without a socket', 'tcp://127.0.0.1:1', 0);
show('its name', stream_socket_get_name($y, true));
fclose($y);

section('argument errors');
attempt('fclose twice', function () { $p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0); fclose($p[0]); fclose($p[0]); });
attempt('fread(string)', fn () => fread('x', 1));
attempt('accept(int)', fn () => stream_socket_accept(5));
attempt('socket_pair bad domain', fn () => stream_socket_pair(99, STREAM_SOCK_STREAM, 0));
attempt('socket_pair AF_INET', fn () => stream_socket_pair(STREAM_PF_INET, STREAM_SOCK_STREAM, 0));
remove_temp_dir($dir);
