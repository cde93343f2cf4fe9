// Port of php-src ext/sockets/tests/bug_export_stream_type.phpt. Twin of
// bug_export_stream_type.php.
import {
  AF_INET,
  SOCK_DGRAM,
  type Socket,
  socket_create,
  socket_export_stream,
  type Stream,
  stream_get_meta_data,
} from "../../mod.ts";
import "./_dump.ts";

const sock = socket_create(AF_INET, SOCK_DGRAM, 0) as Socket;
const stream = socket_export_stream(sock) as Stream;
console.log(stream_get_meta_data(stream).stream_type);
