// The PHP manual's stream_socket_pair() example without pcntl_fork(). Twin
// of manual_stream_socket_pair.php.
import {
  fclose,
  fgets,
  fwrite,
  type Stream,
  STREAM_IPPROTO_IP,
  STREAM_PF_UNIX,
  STREAM_SOCK_STREAM,
  stream_socket_pair,
} from "../../mod.ts";
import { show } from "./_dump.ts";

const sockets = stream_socket_pair(
  STREAM_PF_UNIX,
  STREAM_SOCK_STREAM,
  STREAM_IPPROTO_IP,
) as Stream[];
show("pair", sockets.length);
show("parent writes", fwrite(sockets[1], "hello from the parent\n"));
show("child writes", fwrite(sockets[0], "message from child\n"));
show("child reads", fgets(sockets[0]));
show("child closes", fclose(sockets[0]));
show("parent reads", fgets(sockets[1]));
show("then", fgets(sockets[1]));
show("parent closes", fclose(sockets[1]));
