// Port of php-src ext/sockets/tests/socket_import_stream-1.phpt (basic).
// Twin of socket_import_stream-1.php.
import {
  feof,
  fread,
  SO_TYPE,
  SOCK_STREAM,
  type Socket,
  socket_close,
  socket_get_option,
  socket_import_stream,
  socket_write,
  SOL_SOCKET,
  type Stream,
  STREAM_PF_UNIX,
  STREAM_SOCK_STREAM,
  stream_socket_pair,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const [s0, s1] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0) as Stream[];
const sock = socket_import_stream(s0) as Socket;
show("imported", sock);
show("type", socket_get_option(sock, SOL_SOCKET, SO_TYPE) === SOCK_STREAM);
show("write", socket_write(sock, "test message"));
socket_close(sock);
let contents = "";
while (!feof(s1)) contents += fread(s1, 8192);
show("contents", contents);
