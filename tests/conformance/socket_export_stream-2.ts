// Port of php-src ext/sockets/tests/socket_export_stream-2.phpt (bad
// arguments), without its fopen() case. Twin of socket_export_stream-2.php.
import {
  AF_INET,
  SOCK_DGRAM,
  type Socket,
  socket_close,
  socket_create,
  socket_export_stream,
  SOL_UDP,
  STREAM_SERVER_BIND,
  stream_socket_server,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

attempt(
  "a stream",
  () =>
    socket_export_stream(
      stream_socket_server("udp://127.0.0.1:0", null, null, STREAM_SERVER_BIND) as never,
    ),
);
const s = socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as Socket;
show("socket", s);
socket_close(s);
attempt("a closed socket", () => socket_export_stream(s));
console.log("Done.");
