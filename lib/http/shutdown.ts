import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../log/logger.js';

export interface DrainOutcome {
  /** Requests still unanswered when the grace period ended, cut with their connections. */
  cut: number;
  /** Requests answered after the signal (in flight then, or already sent on an open connection). */
  servedAfterSignal: number;
  durationMs: number;
}

export interface Drainer {
  /** True once draining has begun: readiness reports it, so the endpoint leaves the Service. */
  draining(): boolean;
  /** Stops accepting, closes idle and silent connections, lets in-flight requests finish within graceMs. */
  drain(graceMs: number): Promise<DrainOutcome>;
}

/**
 * Graceful shutdown for a node HTTP server. server.close() alone waits for every open keep-alive connection,
 * so one silent socket holds the process until the kill; here a connection with no request in flight is
 * closed at once, and each answer given while draining carries `Connection: close`, so busy connections
 * end after their current request instead of taking new ones.
 */
export function createDrainer(server: Server, logger: Logger): Drainer {
  /** Per open connection, the answers it is owed. */
  const open = new Map<Socket, Set<ServerResponse>>();
  let draining = false;
  let servedAfterSignal = 0;

  server.on('connection', (socket: Socket) => {
    open.set(socket, new Set());
    socket.once('close', () => open.delete(socket));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const owed = open.get(req.socket);
    owed?.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      owed?.delete(res);
      if (!draining) return;
      servedAfterSignal += 1;
      // An answer sent before the signal did not say `Connection: close`: end its connection here.
      if (owed?.size === 0) req.socket.destroySoon();
    });
  });

  const busy = () => [...open.values()].reduce((n, owed) => n + owed.size, 0);

  return {
    draining: () => draining,
    drain(graceMs) {
      const started = performance.now();
      draining = true;
      for (const [socket, owed] of open) {
        // Silent, idle or mid-headers (slowloris): nothing is owed to it.
        if (owed.size === 0) socket.destroy();
        for (const res of owed) if (!res.headersSent) res.setHeader('Connection', 'close');
      }
      return new Promise<DrainOutcome>((resolve) => {
        let cut = 0;
        const timer = setTimeout(() => {
          cut = busy();
          logger.warn('shutdown grace over; cutting in-flight requests', { grace_ms: graceMs, cut });
          server.closeAllConnections();
        }, graceMs);
        server.close(() => {
          clearTimeout(timer);
          resolve({ cut, servedAfterSignal, durationMs: Math.round(performance.now() - started) });
        });
      });
    },
  };
}
