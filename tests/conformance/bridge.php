<?php
// socket_import_stream / socket_export_stream: stream types, one descriptor
// shared, blocking mode, buffering, and what closing either side does.
require __DIR__ . '/_dump.php';

function kind($stream): string
{
    $t = stream_get_meta_data($stream)['stream_type'];
    return $t === 'tcp_socket/ssl' ? 'tcp_socket' : $t; // PHP built with OpenSSL
}

section('export: stream types');
$cases = [
    'AF_INET SOCK_STREAM' => [AF_INET, SOCK_STREAM, 0],
    'AF_INET SOCK_DGRAM' => [AF_INET, SOCK_DGRAM, 0],
    'AF_INET6 SOCK_STREAM' => [AF_INET6, SOCK_STREAM, 0],
    'AF_UNIX SOCK_STREAM' => [AF_UNIX, SOCK_STREAM, 0],
    'AF_UNIX SOCK_DGRAM' => [AF_UNIX, SOCK_DGRAM, 0],
    'AF_UNIX SOCK_SEQPACKET' => [AF_UNIX, SOCK_SEQPACKET, 0],
];
foreach ($cases as $label => [$d, $t, $p]) {
    $s = socket_create($d, $t, $p);
    $st = socket_export_stream($s);
    echo "$label: ", kind($st), ' blocked=', render(stream_get_meta_data($st)['blocked']), "\n";
    socket_close($s);
}
$s = socket_create(AF_INET, SOCK_STREAM, 0);
socket_set_nonblock($s);
$st = socket_export_stream($s);
show('non-blocking socket exports a non-blocking stream', stream_get_meta_data($st)['blocked']);
show('exporting again gives the same stream', socket_export_stream($s) === $st);
socket_set_block($s);
show('socket_set_block goes through the stream', stream_get_meta_data($st)['blocked']);
socket_close($s);
attempt('the stream is closed with the socket', fn () => fwrite($st, 'x'));
attempt('export of a closed socket', fn () => socket_export_stream($s));

section('export: one descriptor');
$pair = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
$st = socket_export_stream($pair[1]);
socket_write($pair[0], "line one\nline two\n");
show('fgets', fgets($st));
show('unread bytes stay in the stream buffer', stream_get_meta_data($st)['unread_bytes']);
fwrite($st, "from the stream\n");
show('socket_read on the peer', socket_read($pair[0], 100));
socket_write($pair[1], "from the socket\n");
show('socket_read on the peer', socket_read($pair[0], 100));
fclose($st);
show('the socket looks open', $pair[1] instanceof Socket);
show('socket_write after fclose', socket_write($pair[1], 'x'));
show('socket_last_error', socket_last_error($pair[1]));
show('socket_set_block after fclose', socket_set_block($pair[1]));
run('socket_close after fclose', fn () => socket_close($pair[1]));
attempt('and again', fn () => socket_close($pair[1]));
show('peer reads end of file', socket_read($pair[0], 100));
socket_close($pair[0]);

section('import');
$server = stream_socket_server('tcp://127.0.0.1:0');
$sock = socket_import_stream($server);
show('imported', $sock);
socket_getsockname($sock, $addr, $port);
show('same address', stream_socket_get_name($server, false) === "$addr:$port");
show('export gives back the stream', socket_export_stream($sock) === $server);
$client = stream_socket_client('tcp://' . stream_socket_get_name($server, false));
$conn = socket_accept($sock);
show('socket_accept on the imported server', $conn);
socket_write($conn, "hello stream\n");
show('fgets on the client stream', fgets($client));
$csock = socket_import_stream($client);
socket_write($conn, "abc\n");
show('socket_read after import', socket_read($csock, 100));
socket_write($conn, "12345");
show('fread 2', fread($client, 2));
show('socket_read the rest', socket_read($csock, 100));
show('the stream buffer is off', stream_get_meta_data($client)['unread_bytes']);
socket_set_nonblock($csock);
show('blocked follows socket_set_nonblock', stream_get_meta_data($client)['blocked']);
socket_close($csock);
attempt('fread after socket_close of the imported socket', fn () => fread($client, 1));
socket_close($conn);
socket_close($sock);
attempt('the server stream is closed too', fn () => stream_socket_accept($server, 0));

section('import failures');
$nobind = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_LISTEN);
show('server stream without a socket', socket_import_stream($nobind));
show('socket_last_error()', socket_last_error());
attempt('a string', fn () => socket_import_stream('x'));
$p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
fclose($p[0]);
attempt('a closed stream', fn () => socket_import_stream($p[0]));
$udg = socket_import_stream($p[1]);
show('a pair stream imports as AF_UNIX', $udg);
show('fclose still works', fclose($p[1]));
