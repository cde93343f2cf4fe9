// The PHP manual's stream_socket_client() examples on loopback. Twin of
// manual_stream_socket_client.php.
import {
  fclose,
  feof,
  fgets,
  fread,
  fwrite,
  type Stream,
  STREAM_SERVER_BIND,
  stream_socket_accept,
  stream_socket_client,
  stream_socket_get_name,
  stream_socket_recvfrom,
  stream_socket_sendto,
  stream_socket_server,
} from "../../mod.ts";
import { ref, section, show } from "./_dump.ts";

const errno = ref();
const errstr = ref();

section("tcp");
let server = stream_socket_server("tcp://127.0.0.1:0", errno, errstr) as Stream;
let name = stream_socket_get_name(server, false) as string;
let fp = stream_socket_client(`tcp://${name}`, errno, errstr, 30);
if (!fp) {
  console.log(`${errstr.value} (${errno.value})`);
} else {
  fwrite(fp, "GET / HTTP/1.0\r\nHost: localhost\r\nAccept: */*\r\n\r\n");
  const conn = stream_socket_accept(server) as Stream;
  let request = "";
  let line: string | false;
  while ((line = fgets(conn)) !== false && line !== "\r\n") request += line;
  show("server got", request);
  fwrite(conn, "HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello");
  fclose(conn);
  while (!feof(fp)) show("line", fgets(fp, 1024));
  fclose(fp);
}
fclose(server);

section("udp");
server = stream_socket_server("udp://127.0.0.1:0", errno, errstr, STREAM_SERVER_BIND) as Stream;
name = stream_socket_get_name(server, false) as string;
fp = stream_socket_client(`udp://${name}`, errno, errstr);
if (!fp) {
  console.log(`ERROR: ${errno.value} - ${errstr.value}`);
} else {
  show("fwrite", fwrite(fp, "\n"));
  const peer = ref();
  const got = stream_socket_recvfrom(server, 10, 0, peer);
  show("server got", got);
  stream_socket_sendto(server, "Fri Jan  2 15:04:05 2026\r\n", 0, peer.value);
  show("fread", fread(fp, 26));
  fclose(fp);
}
fclose(server);
