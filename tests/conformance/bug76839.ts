// Port of php-src ext/sockets/tests/bug76839.phpt. Twin of bug76839.php.
import { unlinkSync } from "node:fs";
import {
  AF_UNIX,
  SOCK_DGRAM,
  type Socket,
  socket_bind,
  socket_close,
  socket_create,
  socket_recvfrom,
  socket_sendto,
} from "../../mod.ts";
import { makeTempDir, ref, removeTempDir, render } from "./_dump.ts";

/** 8 to 16 random hex digits, as the original's `substr(md5(rand()), 0, rand(8, 16))`. */
function randomName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return hex.slice(0, 8 + Math.floor(Math.random() * 9));
}

const dir = makeTempDir();
for (let i = 0; i < 10; i++) {
  const senderSocketPath = `${dir}/s${randomName()}.sock`;
  const senderSocket = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
  socket_bind(senderSocket, senderSocketPath);

  const receiverSocketPath = `${dir}/r${randomName()}.sock`;
  const receiverSocket = socket_create(AF_UNIX, SOCK_DGRAM, 0) as Socket;
  socket_bind(receiverSocket, receiverSocketPath);

  socket_sendto(senderSocket, "Ping!", 5, 0, receiverSocketPath);

  const from = ref("");
  const message = ref("");
  socket_recvfrom(receiverSocket, message, 65535, 0, from);
  console.log(
    `Received '${message.value}'${
      from.value === senderSocketPath ? "" : " from " + render(from.value)
    }`,
  );

  const sent = socket_sendto(receiverSocket, "Pong!", 5, 0, from.value);
  console.log(`Responded to sender with 'Pong!' (${sent})`);
  const reply = ref("");
  const replyFrom = ref("");
  socket_recvfrom(senderSocket, reply, 100, 0, replyFrom);
  console.log(
    `Sender got '${reply.value}'${
      replyFrom.value === receiverSocketPath ? "" : " from " + render(replyFrom.value)
    }`,
  );

  socket_close(receiverSocket);
  unlinkSync(receiverSocketPath);
  socket_close(senderSocket);
  unlinkSync(senderSocketPath);
}
removeTempDir(dir);
