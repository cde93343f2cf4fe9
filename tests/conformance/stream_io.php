<?php
// Reading and writing socket streams: the read buffer, line reads, timeouts,
// non-blocking mode, end of file, failed writes, names, datagrams, shutdown.
// Loopback and Unix sockets only.
require __DIR__ . '/_dump.php';

$dir = make_temp_dir();
$ports = [];

function mask(mixed $v): mixed
{
    global $dir, $ports;
    if (!is_string($v)) {
        return $v;
    }
    $v = str_replace($dir, 'DIR', $v);
    foreach ($ports as $p => $label) {
        $v = preg_replace("/:$p\$/", ":$label", $v);
    }
    return $v;
}

set_error_handler(function (int $no, string $str): bool {
    $names = [E_WARNING => 'Warning', E_NOTICE => 'Notice'];
    echo ($names[$no] ?? "Error($no)"), ': ', mask($str), "\n";
    return true;
});

function port_of(string $name, string $label): void
{
    global $ports;
    $ports[(int) substr($name, strrpos($name, ':') + 1)] = $label;
}

function meta($s): array
{
    $m = stream_get_meta_data($s);
    unset($m['stream_type']); // "tcp_socket/ssl" where PHP has OpenSSL
    return $m;
}

section('pair: buffered reads');
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
show('meta', stream_get_meta_data($a));
stream_set_timeout($b, 0, 200000);
show('fwrite', fwrite($a, "one\ntwo\nthree"));
show('fgets', fgets($b));
show('unread_bytes', stream_get_meta_data($b)['unread_bytes']);
show('fgets', fgets($b));
show('fread 3 (from the buffer)', fread($b, 3));
show('fread rest (buffer only)', fread($b, 100));
show('fread, nothing comes', fread($b, 10));
show('meta after the timeout', stream_get_meta_data($b));
show('fwrite partial line', fwrite($a, 'partial'));
show('fgets at the timeout', fgets($b));
show('fgets with length 4', (fwrite($a, "abcdefgh\n") !== false) ? fgets($b, 4) : null);
show('fgets rest', fgets($b));
show('fgets length 1', fgets($b, 1));
attempt('fgets length 0', fn () => fgets($b, 0));
attempt('fread length 0', fn () => fread($b, 0));
show('fwrite length 2', fwrite($a, 'xyz', 2));
show('fwrite length 0', fwrite($a, 'xyz', 0));
show('fwrite length -1', fwrite($a, 'xyz', -1));
show('fwrite ""', fwrite($a, ''));
show('read them', fread($b, 10));
fwrite($a, str_repeat('x', 20000));
show('fread 100000 (one 8 KiB chunk)', strlen(fread($b, 100000)));
show('fread 100000 again', strlen(fread($b, 100000)));
show('fread 100000 the rest', strlen(fread($b, 100000)));

section('pair: non-blocking');
show('stream_set_blocking false', stream_set_blocking($b, false));
show('fread', fread($b, 10));
show('fgets', fgets($b));
show('feof', feof($b));
show('meta', stream_get_meta_data($b));
show('stream_set_blocking true', stream_set_blocking($b, true));

section('pair: end of file');
fwrite($a, "last\nbytes");
fclose($a);
show('feof with data buffered or queued', feof($b));
show('fgets', fgets($b));
show('fgets', fgets($b));
show('feof', feof($b));
show('fgets at eof', fgets($b));
show('fread at eof', fread($b, 10));
show('meta', stream_get_meta_data($b));
show('fwrite to a closed peer', fwrite($b, 'x'));
fclose($b);

section('tcp');
$server = stream_socket_server('tcp://127.0.0.1:0');
$name = stream_socket_get_name($server, false);
port_of($name, 'SERVER');
show('server name', mask($name));
show('server peer name', stream_socket_get_name($server, true));
$client = stream_socket_client("tcp://$name");
$peer = 'untouched';
$conn = stream_socket_accept($server, 1, $peer);
port_of($peer, 'CLIENT');
show('peer name from accept', mask($peer));
show('client local name', mask(stream_socket_get_name($client, false)));
show('client remote name', mask(stream_socket_get_name($client, true)));
show('meta', meta($conn));
fwrite($client, "ping\n");
show('recvfrom with address', [stream_socket_recvfrom($conn, 100, 0, $from), mask($from)]);
fwrite($client, 'peek');
show('recvfrom peek', stream_socket_recvfrom($conn, 100, STREAM_PEEK));
show('fread after peek', fread($conn, 100));
show('sendto', stream_socket_sendto($client, 'direct'));
show('fread', fread($conn, 100));
show('sendto with an address on a connected socket', stream_socket_sendto($client, 'x', 0, '127.0.0.1:9'));
show('sendto to garbage', stream_socket_sendto($client, 'x', 0, 'garbage'));
show('sendto OOB', stream_socket_sendto($client, 'u', STREAM_OOB));
show('recvfrom OOB', stream_socket_recvfrom($conn, 1, STREAM_OOB));
show('shutdown WR', stream_socket_shutdown($client, STREAM_SHUT_WR));
show('feof on the other side', feof($conn));
show('fread', fread($conn, 100));
attempt('shutdown mode 3', fn () => stream_socket_shutdown($client, 3));
attempt('recvfrom length 0', fn () => stream_socket_recvfrom($conn, 0));
fclose($conn);
fclose($client);
show('accept times out', stream_socket_accept($server, 0.1));
fclose($server);

section('tcp over IPv6');
$server = stream_socket_server('tcp://[::1]:0');
$name = stream_socket_get_name($server, false);
port_of($name, 'SERVER6');
show('server name', mask($name));
$client = stream_socket_client("tcp://$name");
$conn = stream_socket_accept($server, 1, $peer);
port_of($peer, 'CLIENT6');
show('peer', mask($peer));
fwrite($conn, "hello v6\n");
show('fgets', fgets($client));
fclose($conn);
fclose($client);
fclose($server);

section('udp');
$server = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$name = stream_socket_get_name($server, false);
port_of($name, 'UDP');
$client = stream_socket_client("udp://$name");
port_of(stream_socket_get_name($client, false), 'UDPCLIENT');
show('meta', stream_get_meta_data($client));
show('fwrite', fwrite($client, 'datagram one'));
show('recvfrom', [stream_socket_recvfrom($server, 1500, 0, $from), mask($from)]);
show('sendto back', stream_socket_sendto($server, 'reply', 0, $from));
show('fread', fread($client, 1500));
show('sendto to [::1] from an IPv4 socket', stream_socket_sendto($server, 'x', 0, '[::1]:9'));
fclose($client);
fclose($server);

section('unix and udg');
$server = stream_socket_server("unix://$dir/s.sock");
show('server name', mask(stream_socket_get_name($server, false)));
$client = stream_socket_client("unix://$dir/s.sock");
$conn = stream_socket_accept($server, 1, $peer);
show('client remote name', mask(stream_socket_get_name($client, true)));
show('client local name', stream_socket_get_name($client, false));
show('meta', stream_get_meta_data($conn));
fwrite($client, "over unix\n");
show('fgets', fgets($conn));
fclose($conn);
fclose($client);
fclose($server);
$abstract = "\0php-conformance-" . bin2hex(random_bytes(6));
$server = stream_socket_server("unix://$abstract");
show('abstract server name', stream_socket_get_name($server, false));
fclose($server);
$dg = stream_socket_server("udg://$dir/d.sock", $errno, $errstr, STREAM_SERVER_BIND);
show('meta', stream_get_meta_data($dg));
$dc = stream_socket_client("udg://$dir/d.sock");
show('fwrite', fwrite($dc, 'unix datagram'));
show('recvfrom', [stream_socket_recvfrom($dg, 100, 0, $from), $from]);
$named = stream_socket_server("udg://$dir/c.sock", $errno, $errstr, STREAM_SERVER_BIND);
show('sendto a path is not possible', stream_socket_sendto($named, 'x', 0, "$dir/d.sock"));
fclose($named);
fclose($dc);
fclose($dg);
remove_temp_dir($dir);
