/**
 * The workloads through Bun's own sockets (`Bun.listen`, `Bun.connect`,
 * `Bun.udpSocket`), async as Bun offers them: an echo handler in the same
 * process, the client awaiting each reply.
 *
 *   bun bench/native_bun.ts WORKLOAD SIZE
 *
 * Bun has no socketpair: the `pp_unix` and `bulk` rows use a Unix socket path.
 *
 * @module
 */

import type { Socket, TCPSocketListener, UnixSocketListener } from "bun";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./_measure.ts";

const dir = mkdtempSync(join(tmpdir(), "php-sockets-bench-"));
let paths = 0;

/** What the client's data handler does next: set per workload. */
let onClientData: (bytes: number) => void = () => {};

type Listener = TCPSocketListener<undefined> | UnixSocketListener<undefined>;

function echoServer(unix: boolean, onData?: (bytes: number) => void): Listener {
  const handler = {
    data(s: Socket<undefined>, d: Uint8Array) {
      if (onData) onData(d.length);
      else s.write(d);
    },
  };
  return unix
    ? Bun.listen({ unix: join(dir, `s${paths++}`), socket: handler })
    : Bun.listen({ hostname: "127.0.0.1", port: 0, socket: handler });
}

function connect(l: Listener, unix: boolean): Promise<Socket<undefined>> {
  const socket = {
    data(_s: Socket<undefined>, d: Uint8Array) {
      onClientData(d.length);
    },
    drain() {
      onDrain();
    },
  };
  return unix
    ? Bun.connect({ unix: (l as UnixSocketListener<undefined>).unix, socket })
    : Bun.connect({
      hostname: "127.0.0.1",
      port: (l as TCPSocketListener<undefined>).port,
      socket,
    });
}

let onDrain: () => void = () => {};

const clients = new Map<string, Socket<undefined>>();
function pingPong(unix: boolean): (n: number) => Promise<void> {
  return async (n) => {
    const key = unix ? "unix" : "tcp";
    let c = clients.get(key);
    if (!c) {
      c = await connect(echoServer(unix), unix);
      clients.set(key, c);
    }
    const b = new Uint8Array([120]);
    for (let i = 0; i < n; i++) {
      const reply = new Promise<void>((resolve) => onClientData = () => resolve());
      c.write(b);
      await reply;
    }
  };
}

const chunk = new Uint8Array(65536).map((_, i) => i * 7);
async function bulk(total: number): Promise<void> {
  let got = 0;
  let finished!: () => void;
  const done = new Promise<void>((resolve) => finished = resolve);
  const l = echoServer(true, (bytes) => {
    got += bytes;
    if (got >= total) finished();
  });
  const c = await connect(l, true);
  for (let sent = 0; sent < total;) {
    const n = c.write(chunk);
    sent += n;
    if (n < chunk.length) {
      // Partial write: wait for drain, then send the rest of this chunk.
      let rest = chunk.subarray(n);
      while (rest.length > 0) {
        await new Promise<void>((resolve) => onDrain = resolve);
        const m = c.write(rest);
        sent += m;
        rest = rest.subarray(m);
      }
    }
  }
  await done;
  c.end();
  l.stop(true);
}

async function udp(n: number): Promise<void> {
  let received!: () => void;
  const b = await Bun.udpSocket({
    hostname: "127.0.0.1",
    socket: {
      data() {
        received();
      },
    },
  });
  const a = await Bun.udpSocket({ hostname: "127.0.0.1" });
  const d = new Uint8Array(64);
  for (let i = 0; i < n; i++) {
    const got = new Promise<void>((resolve) => received = resolve);
    a.send(d, b.port, "127.0.0.1");
    await got;
  }
  a.close();
  b.close();
}

async function churn(n: number): Promise<void> {
  let accepted!: () => void;
  const l = Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      open(s) {
        s.end();
        accepted();
      },
      data() {},
    },
  });
  for (let i = 0; i < n; i++) {
    const serverSide = new Promise<void>((resolve) => accepted = resolve);
    const c = await Bun.connect({ hostname: "127.0.0.1", port: l.port, socket: { data() {} } });
    await serverSide;
    c.end();
  }
  l.stop(true);
}

await main({
  pp_unix: pingPong(true),
  pp_tcp: pingPong(false),
  bulk,
  udp,
  churn,
});
rmSync(dir, { recursive: true, force: true });
process.exit(0);
