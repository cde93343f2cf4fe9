// socket_import_stream / socket_export_stream: stream types, one descriptor
// shared, blocking mode, buffering, and what closing either side does.
// Twin of bridge.php.
import {
  AF_INET,
  AF_INET6,
  AF_UNIX,
  fclose,
  fgets,
  fread,
  fwrite,
  SOCK_DGRAM,
  SOCK_SEQPACKET,
  SOCK_STREAM,
  Socket,
  socket_accept,
  socket_close,
  socket_create,
  socket_create_pair,
  socket_export_stream,
  socket_getsockname,
  socket_import_stream,
  socket_last_error,
  socket_read,
  socket_set_block,
  socket_set_nonblock,
  socket_write,
  type Stream,
  stream_get_meta_data,
  STREAM_PF_UNIX,
  STREAM_SERVER_LISTEN,
  STREAM_SOCK_STREAM,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_pair,
  stream_socket_server,
} from "../../mod.ts";
import { attempt, ref, render, run, section, show } from "./_dump.ts";

function kind(stream: Stream): string {
  return stream_get_meta_data(stream).stream_type;
}

section("export: stream types");
const cases: Array<[string, number, number]> = [
  ["AF_INET SOCK_STREAM", AF_INET, SOCK_STREAM],
  ["AF_INET SOCK_DGRAM", AF_INET, SOCK_DGRAM],
  ["AF_INET6 SOCK_STREAM", AF_INET6, SOCK_STREAM],
  ["AF_UNIX SOCK_STREAM", AF_UNIX, SOCK_STREAM],
  ["AF_UNIX SOCK_DGRAM", AF_UNIX, SOCK_DGRAM],
  ["AF_UNIX SOCK_SEQPACKET", AF_UNIX, SOCK_SEQPACKET],
];
for (const [label, d, t] of cases) {
  const s = socket_create(d, t, 0) as Socket;
  const st = socket_export_stream(s) as Stream;
  console.log(`${label}: ${kind(st)} blocked=${render(stream_get_meta_data(st).blocked)}`);
  socket_close(s);
}
const s = socket_create(AF_INET, SOCK_STREAM, 0) as Socket;
socket_set_nonblock(s);
let st = socket_export_stream(s) as Stream;
show("non-blocking socket exports a non-blocking stream", stream_get_meta_data(st).blocked);
show("exporting again gives the same stream", socket_export_stream(s) === st);
socket_set_block(s);
show("socket_set_block goes through the stream", stream_get_meta_data(st).blocked);
socket_close(s);
attempt("the stream is closed with the socket", () => fwrite(st, "x"));
attempt("export of a closed socket", () => socket_export_stream(s));

section("export: one descriptor");
const pair: Socket[] = [];
socket_create_pair(AF_UNIX, SOCK_STREAM, 0, pair);
st = socket_export_stream(pair[1]) as Stream;
socket_write(pair[0], "line one\nline two\n");
show("fgets", fgets(st));
show("unread bytes stay in the stream buffer", stream_get_meta_data(st).unread_bytes);
fwrite(st, "from the stream\n");
show("socket_read on the peer", socket_read(pair[0], 100));
socket_write(pair[1], "from the socket\n");
show("socket_read on the peer", socket_read(pair[0], 100));
fclose(st);
show("the socket looks open", pair[1] instanceof Socket);
show("socket_write after fclose", socket_write(pair[1], "x"));
show("socket_last_error", socket_last_error(pair[1]));
show("socket_set_block after fclose", socket_set_block(pair[1]));
run("socket_close after fclose", () => socket_close(pair[1]));
attempt("and again", () => socket_close(pair[1]));
show("peer reads end of file", socket_read(pair[0], 100));
socket_close(pair[0]);

section("import");
const server = stream_socket_server("tcp://127.0.0.1:0") as Stream;
const sock = socket_import_stream(server) as Socket;
show("imported", sock);
const addr = ref();
const port = ref();
socket_getsockname(sock, addr, port);
show("same address", stream_socket_get_name(server, false) === `${addr.value}:${port.value}`);
show("export gives back the stream", socket_export_stream(sock) === server);
const client = stream_socket_client(`tcp://${stream_socket_get_name(server, false)}`) as Stream;
const conn = socket_accept(sock) as Socket;
show("socket_accept on the imported server", conn);
socket_write(conn, "hello stream\n");
show("fgets on the client stream", fgets(client));
const csock = socket_import_stream(client) as Socket;
socket_write(conn, "abc\n");
show("socket_read after import", socket_read(csock, 100));
socket_write(conn, "12345");
show("fread 2", fread(client, 2));
show("socket_read the rest", socket_read(csock, 100));
show("the stream buffer is off", stream_get_meta_data(client).unread_bytes);
socket_set_nonblock(csock);
show("blocked follows socket_set_nonblock", stream_get_meta_data(client).blocked);
socket_close(csock);
attempt("fread after socket_close of the imported socket", () => fread(client, 1));
socket_close(conn);
socket_close(sock);
attempt("the server stream is closed too", () => stream_socket_accept(server, 0));

section("import failures");
const nobind = stream_socket_server(
  "tcp://127.0.0.1:0",
  null,
  null,
  STREAM_SERVER_LISTEN,
) as Stream;
show("server stream without a socket", socket_import_stream(nobind));
show("socket_last_error()", socket_last_error());
attempt("a string", () => socket_import_stream("x" as never));
const p = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
fclose(p[0]);
attempt("a closed stream", () => socket_import_stream(p[0]));
const udg = socket_import_stream(p[1]);
show("a pair stream imports as AF_UNIX", udg);
show("fclose still works", fclose(p[1]));
