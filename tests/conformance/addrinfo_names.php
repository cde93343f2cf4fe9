<?php
// Host names: "localhost" from /etc/hosts through socket_addrinfo_lookup,
// socket_bind/socket_connect and the stream functions. Run only inside the
// loopback-only network namespace of scripts/test.sh.
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

section('socket_addrinfo_lookup');
explain_all('localhost tcp', socket_addrinfo_lookup('localhost', '8080', ['ai_socktype' => SOCK_STREAM, 'ai_family' => AF_INET]));
explain_all('localhost canonname', socket_addrinfo_lookup('localhost', null, ['ai_flags' => AI_CANONNAME, 'ai_socktype' => SOCK_DGRAM, 'ai_family' => AF_INET]));
explain_all('numerichost with a name', socket_addrinfo_lookup('localhost', null, ['ai_flags' => AI_NUMERICHOST]));

section('socket_bind and socket_connect');
$s = socket_create(AF_INET, SOCK_STREAM, 0);
show('bind localhost', socket_bind($s, 'localhost', 0));
socket_getsockname($s, $addr, $port);
show('bound to', $addr);
socket_listen($s);
$c = socket_create(AF_INET, SOCK_STREAM, 0);
show('connect localhost', socket_connect($c, 'localhost', $port));
socket_close($c);
socket_close($s);

section('streams');
$server = stream_socket_server('tcp://localhost:0');
$name = stream_socket_get_name($server, false);
show('server on', substr($name, 0, strrpos($name, ':')));
$client = stream_socket_client('tcp://localhost:' . substr($name, strrpos($name, ':') + 1));
$conn = stream_socket_accept($server);
fwrite($client, "by name\n");
show('fgets', fgets($conn));
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$uname = stream_socket_get_name($udp, false);
$uc = stream_socket_client("udp://$uname");
show('sendto localhost:port', stream_socket_sendto($udp, 'x', 0, 'localhost:' . substr(stream_socket_get_name($uc, false), 10)));
show('received', fread($uc, 10));
fclose($uc);
fclose($udp);
fclose($conn);
fclose($client);
fclose($server);
