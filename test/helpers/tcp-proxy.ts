import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and refuses new ones, like a network outage. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay in front of a real server, so tests can pull the network away from a
 * client mid-session and give it back on the same port.
 */
export async function startTcpProxy(targetPort: number, host = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  let port = 0;
  const makeServer = () =>
    net.createServer((client) => {
      accepted++;
      const upstream = net.connect(targetPort, host);
      sockets.add(client).add(upstream);
      const end = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
      client.pipe(upstream).pipe(client);
    });
  let server = makeServer();
  const listen = (s: net.Server, p: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(p, host, () => resolve((s.address() as net.AddressInfo).port));
    });
  const stop = (s: net.Server) => new Promise<void>((resolve) => (s.listening ? s.close(() => resolve()) : resolve()));
  port = await listen(server, 0);
  return {
    port,
    async cut() {
      const closing = stop(server);
      for (const s of sockets) s.destroy();
      sockets.clear();
      await closing;
    },
    async restore() {
      server = makeServer();
      await listen(server, port);
    },
    accepted: () => accepted,
    async close() {
      const closing = stop(server);
      for (const s of sockets) s.destroy();
      await closing;
    },
  };
}
