// Port of php-src ext/sockets/tests/socket_import_stream-4.phpt (effects of
// closing). Twin of socket_import_stream-4.php. PHP's unset() is dropping the
// last reference here: the other side must keep working.
import {
  fclose,
  SO_TYPE,
  type Socket,
  socket_close,
  socket_get_option,
  socket_import_stream,
  socket_set_block,
  SOL_SOCKET,
  type Stream,
  STREAM_SERVER_BIND,
  stream_set_blocking,
  stream_socket_server,
} from "../../mod.ts";
import { attempt, section } from "./_dump.ts";

function test(stream: Stream | null, sock: Socket | null): void {
  if (stream !== null) attempt("stream_set_blocking", () => stream_set_blocking(stream, false));
  if (sock !== null) {
    attempt("socket_set_block", () => socket_set_block(sock));
    attempt("socket_get_option", () => socket_get_option(sock, SOL_SOCKET, SO_TYPE));
  }
}

function pair(): [Stream, Socket] {
  const stream = stream_socket_server(
    "udp://127.0.0.1:0",
    null,
    null,
    STREAM_SERVER_BIND,
  ) as Stream;
  return [stream, socket_import_stream(stream) as Socket];
}

section("normal");
const [stream0, sock0] = pair();
test(stream0, sock0);

section("unset stream");
const [, sock1] = pair();
test(null, sock1);

section("unset socket");
const [stream2] = pair();
test(stream2, null);

section("close stream");
const [stream3, sock3] = pair();
fclose(stream3);
test(stream3, sock3);

section("close socket");
const [stream4, sock4] = pair();
socket_close(sock4);
test(stream4, sock4);
console.log("Done.");
