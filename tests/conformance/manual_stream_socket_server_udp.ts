// The PHP manual's UDP stream_socket_server() example, with its client in
// the same script. Twin of manual_stream_socket_server_udp.php.
import {
  fclose,
  fread,
  fwrite,
  type Stream,
  STREAM_SERVER_BIND,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_recvfrom,
  stream_socket_sendto,
  stream_socket_server,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const time = "Fri Jan 2 15:04:05 2026\r\n";
const errno = ref();
const errstr = ref();
const socket = stream_socket_server("udp://127.0.0.1:0", errno, errstr, STREAM_SERVER_BIND);
if (!socket) throw new Error(`${errstr.value} (${errno.value})`);
const name = stream_socket_get_name(socket, false) as string;
const client = stream_socket_client(`udp://${name}`, ref(), ref()) as Stream;
const cname = stream_socket_get_name(client, false);
for (let i = 0; i < 2; i++) {
  show("client sends", fwrite(client, `hello ${i}`));
  const peer = ref();
  const pkt = stream_socket_recvfrom(socket, 1, 0, peer);
  show("pkt", pkt);
  show("peer is the client", peer.value === cname);
  console.log((peer.value as string).replace(/:\d+$/, ":PORT"));
  show("sendto", stream_socket_sendto(socket, time, 0, peer.value));
  show("client reads", fread(client, 100));
}
fclose(client);
fclose(socket);
