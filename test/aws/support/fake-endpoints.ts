import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { Server as TcpServer, Socket } from 'node:net';

export interface FakeEndpoint {
  endpoint: string;
  close(): Promise<void>;
}

const listen = (server: Server | TcpServer): Promise<string> =>
  new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    }),
  );

/**
 * A slow AWS: accepts connections and never answers, so only the clients' timeouts end a call. `called`
 * settles once a client has connected: a call is then in flight.
 */
export async function blackHole(): Promise<FakeEndpoint & { called: Promise<void> }> {
  const sockets = new Set<Socket>();
  let connected!: () => void;
  const called = new Promise<void>((resolve) => (connected = resolve));
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    connected();
    socket.on('close', () => sockets.delete(socket));
  });
  const endpoint = await listen(server);
  return {
    endpoint,
    called,
    close: () => new Promise((done) => (sockets.forEach((s) => s.destroy()), server.close(() => done()))),
  };
}

/** An AWS that answers every call with a 200 of garbage, as a broken proxy in the path might. */
export async function garbage(): Promise<FakeEndpoint> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
  });
  const endpoint = await listen(server);
  return { endpoint, close: () => new Promise((done) => server.close(() => done())) };
}
