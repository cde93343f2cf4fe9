// The PHP manual's socket_last_error() example. Twin of manual_socket_last_error.php.
import {
  AF_INET,
  SOCK_STREAM,
  socket_create,
  socket_last_error,
  socket_strerror,
  SOL_TCP,
  withoutWarnings,
} from "../../mod.ts";

for (const protocol of [SOL_TCP, 99]) {
  const socket = withoutWarnings(() => socket_create(AF_INET, SOCK_STREAM, protocol));

  if (socket === false) {
    const errorcode = socket_last_error();
    const errormsg = socket_strerror(errorcode);

    console.log(`Couldn't create socket: [${errorcode}] ${errormsg}`);
  } else {
    console.log(`created a socket with protocol ${protocol}`);
  }
}
