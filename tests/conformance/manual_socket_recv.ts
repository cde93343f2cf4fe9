// The PHP manual's socket_recv() example, against a server on 127.0.0.1.
// Twin of manual_socket_recv.php.
import {
  AF_INET,
  MSG_WAITALL,
  SOCK_STREAM,
  type Socket,
  socket_accept,
  socket_bind,
  socket_close,
  socket_connect,
  socket_create,
  socket_getsockname,
  socket_last_error,
  socket_listen,
  socket_read,
  socket_recv,
  socket_strerror,
  socket_write,
  SOL_TCP,
} from "../../mod.ts";
import { ref } from "./_dump.ts";

let pending = "";
/** PHP's echo: text without a line end waits for the rest of its line. */
function echo(text: string): void {
  pending += text;
  const end = pending.lastIndexOf("\n");
  if (end >= 0) {
    console.log(pending.slice(0, end));
    pending = pending.slice(end + 1);
  }
}

const server = socket_create(AF_INET, SOCK_STREAM, SOL_TCP) as Socket;
socket_bind(server, "127.0.0.1", 0);
socket_listen(server);
const unused = ref();
const serverPort = ref();
socket_getsockname(server, unused, serverPort);

function answer(server: Socket): void {
  const conn = socket_accept(server) as Socket;
  let request = "";
  while (!request.includes("\r\n\r\n")) {
    request += socket_read(conn, 1024);
  }
  echo(`(server got ${request.length} bytes: ${request.split("\r")[0]})\n`);
  socket_write(conn, "HTTP/1.1 200 OK\r\nContent-Length: 438\r\nConnection: close\r\n\r\n");
  socket_close(conn);
}

echo("<h2>TCP/IP Connection</h2>\n");

/* Get the port for the WWW service. */
const servicePort = serverPort.value;

/* Get the IP address for the target host. */
const address = "127.0.0.1";

/* Create a TCP/IP socket. */
const created = socket_create(AF_INET, SOCK_STREAM, SOL_TCP);
if (created === false) {
  echo("socket_create() failed: reason: " + socket_strerror(socket_last_error()) + "\n");
} else {
  echo("OK.\n");
}
const socket = created as Socket;

echo(`Attempting to connect to '${address}' on port 'PORT'...`);
const result = socket_connect(socket, address, servicePort);
if (result === false) {
  echo(
    `socket_connect() failed.\nReason: () ${socket_strerror(socket_last_error(socket))}\n`,
  );
} else {
  echo("OK.\n");
}

let input = "HEAD / HTTP/1.1\r\n";
input += "Host: www.example.com\r\n";
input += "Connection: Close\r\n\r\n";

echo("Sending HTTP HEAD request...");
socket_write(socket, input, input.length);
echo("OK.\n");

answer(server);

echo("Reading response:\n\n");
const buf = ref("This is my buffer.");
const bytes = socket_recv(socket, buf, 2048, MSG_WAITALL);
if (false !== bytes) {
  echo(`Read ${bytes} bytes from socket_recv(). Closing socket...`);
} else {
  echo("socket_recv() failed; reason: " + socket_strerror(socket_last_error(socket)) + "\n");
}
socket_close(socket);

echo(buf.value + "\n");
echo("OK.\n\n");
socket_close(server);
