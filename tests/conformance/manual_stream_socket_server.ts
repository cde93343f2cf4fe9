// The PHP manual's stream_socket_server() example (a TCP time server), with
// its client in the same script. Twin of manual_stream_socket_server.php.
import {
  fclose,
  feof,
  fgets,
  fwrite,
  type Stream,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_server,
} from "../../mod.ts";
import { ref, show } from "./_dump.ts";

const time = "1/2/2026 3:04 pm";
const errno = ref();
const errstr = ref();
const socket = stream_socket_server("tcp://127.0.0.1:0", errno, errstr);
if (!socket) {
  console.log(`${errstr.value} (${errno.value})`);
  throw new Error("no server");
}
const name = stream_socket_get_name(socket, false) as string;
show("server name", name.replace(/:\d+$/, ":PORT"));
for (let i = 0; i < 2; i++) {
  const client = stream_socket_client(`tcp://${name}`, ref(), ref()) as Stream;
  show("client", client !== (false as unknown));
  const conn = stream_socket_accept(socket) as Stream;
  show("accepted", conn !== (false as unknown));
  show("fwrite", fwrite(conn, "The local time is " + time + "\n"));
  show("fclose conn", fclose(conn));
  show("client reads", fgets(client));
  show("then", fgets(client));
  show("feof", feof(client));
  fclose(client);
}
show("fclose server", fclose(socket));
