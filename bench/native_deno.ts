/**
 * The workloads through Deno's own sockets (`Deno.listen`, `Deno.connect`,
 * `Deno.listenDatagram`), async as Deno offers them: an echo handler in the
 * same process, the client awaiting each reply.
 *
 *   deno run -A --unstable-net bench/native_deno.ts WORKLOAD SIZE
 *
 * Deno has no socketpair: the `pp_unix` and `bulk` rows use a Unix socket path.
 *
 * @module
 */

import { main } from "./_measure.ts";

const dir = Deno.makeTempDirSync({ prefix: "php-sockets-bench-" });
let paths = 0;

type Pair = { client: Deno.Conn; server: Deno.Conn };

async function pair(unix: boolean): Promise<Pair> {
  const listener = unix
    ? Deno.listen({ transport: "unix", path: `${dir}/s${paths++}` })
    : Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const client = unix
    ? Deno.connect({ transport: "unix", path: (listener.addr as Deno.UnixAddr).path })
    : Deno.connect({ hostname: "127.0.0.1", port: (listener.addr as Deno.NetAddr).port });
  const [c, server] = await Promise.all([client, listener.accept()]);
  listener.close();
  return { client: c, server };
}

/** Echoes every byte back until the peer closes. */
async function echo(conn: Deno.Conn): Promise<void> {
  const buf = new Uint8Array(64);
  for (;;) {
    const n = await conn.read(buf);
    if (n === null) return;
    await conn.write(buf.subarray(0, n));
  }
}

const pairs = new Map<string, Pair>();
function pingPong(unix: boolean): (n: number) => Promise<void> {
  return async (n) => {
    const key = unix ? "unix" : "tcp";
    let p = pairs.get(key);
    if (!p) {
      p = await pair(unix);
      pairs.set(key, p);
      echo(p.server);
    }
    const b = new Uint8Array([120]);
    for (let i = 0; i < n; i++) {
      await p.client.write(b);
      if (await p.client.read(b) !== 1) throw new Error("short read");
    }
  };
}

const chunk = new Uint8Array(65536).map((_, i) => i * 7);
async function bulk(total: number): Promise<void> {
  const { client, server } = await pair(true);
  const reader = (async () => {
    const buf = new Uint8Array(65536);
    for (let got = 0; got < total;) {
      const n = await server.read(buf);
      if (n === null) throw new Error("early EOF");
      got += n;
    }
  })();
  for (let done = 0; done < total;) done += await client.write(chunk);
  await reader;
  client.close();
  server.close();
}

async function udp(n: number): Promise<void> {
  const a = Deno.listenDatagram({ transport: "udp", hostname: "127.0.0.1", port: 0 });
  const b = Deno.listenDatagram({ transport: "udp", hostname: "127.0.0.1", port: 0 });
  const to = b.addr as Deno.NetAddr;
  const d = new Uint8Array(64);
  for (let i = 0; i < n; i++) {
    await a.send(d, to);
    const [got] = await b.receive();
    if (got.length !== 64) throw new Error("short datagram");
  }
  a.close();
  b.close();
}

async function churn(n: number): Promise<void> {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  for (let i = 0; i < n; i++) {
    const [c, s] = await Promise.all([
      Deno.connect({ hostname: "127.0.0.1", port }),
      listener.accept(),
    ]);
    s.close();
    c.close();
  }
  listener.close();
}

await main({
  pp_unix: pingPong(true),
  pp_tcp: pingPong(false),
  bulk,
  udp,
  churn,
});
Deno.removeSync(dir, { recursive: true });
// Pending echo reads would keep the process alive.
Deno.exit(0);
