// The PHP manual's stream_socket_recvfrom() example, with the
// stream_socket_sendto() example as the client's first send. Twin of
// manual_stream_socket_recvfrom.php.
import {
  fclose,
  type Stream,
  STREAM_OOB,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_recvfrom,
  stream_socket_sendto,
  stream_socket_server,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const server = stream_socket_server("tcp://127.0.0.1:0") as Stream;
const client = stream_socket_client("tcp://" + stream_socket_get_name(server, false)) as Stream;
show("sendto OOB", stream_socket_sendto(client, "Out of Band data.", STREAM_OOB));
show("sendto", stream_socket_sendto(client, "Normal data transmit."));
const serverConnection = stream_socket_accept(server) as Stream;
await new Promise((resolve) => setTimeout(resolve, 100));
console.log(
  `Received Out-Of-Band: '${stream_socket_recvfrom(serverConnection, 1500, STREAM_OOB)}'`,
);
console.log(`Received Normal: '${stream_socket_recvfrom(serverConnection, 1500)}'`);
fclose(client);
show("then", stream_socket_recvfrom(serverConnection, 1500));
