// Port of php-src ext/sockets/tests/socket_export_stream-4.phpt (effects of
// closing). Twin of socket_export_stream-4.php. PHP's unset() is dropping the
// last reference here: the other side must keep working.
import {
  AF_INET,
  fclose,
  SO_TYPE,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_export_stream,
  socket_get_option,
  socket_set_block,
  SOL_SOCKET,
  SOL_UDP,
  type Stream,
  stream_set_blocking,
} from "../../mod.ts";
import { attempt, section } from "./_dump.ts";

function test(stream: Stream | null, sock: Socket | null): void {
  if (stream !== null) attempt("stream_set_blocking", () => stream_set_blocking(stream, false));
  if (sock !== null) {
    attempt("socket_set_block", () => socket_set_block(sock));
    attempt("socket_get_option", () => socket_get_option(sock, SOL_SOCKET, SO_TYPE));
  }
}

function pair(): [Socket, Stream] {
  const sock = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
  socket_bind(sock, "127.0.0.1");
  return [sock, socket_export_stream(sock) as Stream];
}

section("normal");
const [sock0, stream0] = pair();
test(stream0, sock0);

section("unset stream");
const [sock1] = pair();
test(null, sock1);

section("unset socket");
const [, stream2] = pair();
test(stream2, null);

section("close stream");
const [sock3, stream3] = pair();
fclose(stream3);
test(stream3, sock3);

section("close socket");
const [sock4, stream4] = pair();
socket_close(sock4);
test(stream4, sock4);
console.log("Done.");
