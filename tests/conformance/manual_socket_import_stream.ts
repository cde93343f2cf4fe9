// The PHP manual's socket_import_stream() example, on loopback. Twin of
// manual_socket_import_stream.php.
import {
  fwrite,
  IPPROTO_IP,
  MCAST_JOIN_GROUP,
  MCAST_LEAVE_GROUP,
  type Socket,
  socket_import_stream,
  socket_recvfrom,
  socket_set_option,
  type Stream,
  STREAM_SERVER_BIND,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_server,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const stream = stream_socket_server(
  "udp://127.0.0.1:0",
  ref(),
  ref(),
  STREAM_SERVER_BIND,
) as Stream;
const sock = socket_import_stream(stream) as Socket;
show("imported", sock);
const group = { group: "224.0.0.23", interface: "lo" };
show("join", socket_set_option(sock, IPPROTO_IP, MCAST_JOIN_GROUP, group));
show("leave", socket_set_option(sock, IPPROTO_IP, MCAST_LEAVE_GROUP, group));
show("leave again", socket_set_option(sock, IPPROTO_IP, MCAST_LEAVE_GROUP, group));
const name = stream_socket_get_name(stream, false) as string;
const client = stream_socket_client(`udp://${name}`) as Stream;
fwrite(client, "hello");
const buf = ref();
const from = ref();
const port = ref();
show("recvfrom", socket_recvfrom(sock, buf, 100, 0, from, port));
show("buf", buf.value);
show("from", from.value);
