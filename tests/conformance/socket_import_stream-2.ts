// Port of php-src ext/sockets/tests/socket_import_stream-2.phpt (bad
// arguments), without its fopen() case. Twin of socket_import_stream-2.php.
import {
  AF_INET,
  fclose,
  SOCK_DGRAM,
  socket_create,
  socket_import_stream,
  SOL_UDP,
  Stream,
  STREAM_SERVER_BIND,
  stream_socket_server,
} from "../../mod.ts";
import { attempt, show } from "./_dump.ts";

attempt(
  "a Socket",
  () => socket_import_stream(socket_create(AF_INET, SOCK_DGRAM, SOL_UDP) as never),
);
const s = stream_socket_server("udp://127.0.0.1:0", null, null, STREAM_SERVER_BIND) as Stream;
show("is a stream", s instanceof Stream);
show("fclose", fclose(s));
attempt("a closed stream", () => socket_import_stream(s));
console.log("Done.");
