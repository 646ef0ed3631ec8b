/**
 * Server mode's listener: HTTPS (TLS 1.2 or newer) on the chosen interface, for the office's PCs. Unlike
 * browser mode it carries no token in the address: every staff member logs in with their own account, and
 * what keeps strangers out is the network (only the interface's own network and this PC), the Host check
 * (only the server's own names, against DNS rebinding) and the session.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from '../api/dispatch';
import { answerCall, CALL_PATH, refuse, send, serveFile } from './http-calls';
import { allowedHosts, callerAllowed, LOOPBACK, plainAddress } from './network';

export interface OfficeListenOptions {
  dispatcher: Dispatcher;
  /** The built renderer's folder (resolved). */
  staticRoot: string;
  address: string;
  /** The interface's network, e.g. 192.168.1.10/24: callers outside it are refused. */
  cidr: string;
  /** 0 picks a free port (tests). */
  port: number;
  cert: string;
  key: string;
  hostname: string;
}

export interface OfficeListener {
  port: number;
  close(): Promise<void>;
}

/** Work for the server PC itself only: setting up a new database and the recovery screen's restore. */
const THIS_PC_ONLY = new Set(['setup.complete', 'database.recover']);

export async function listenOffice(options: OfficeListenOptions): Promise<OfficeListener> {
  let hosts = new Set<string>();
  const server = createServer({ cert: options.cert, key: options.key, minVersion: 'TLSv1.2' }, async (req, res) => {
    try {
      const peer = plainAddress(req.socket.remoteAddress);
      if (!callerAllowed(peer, options.cidr)) return refuse(res, 403, 'Alamat komputer ini tidak diizinkan');
      if (!hosts.has((req.headers.host ?? '').toLowerCase())) return refuse(res, 403, 'Host tidak diizinkan');
      res.setHeader('Strict-Transport-Security', 'max-age=31536000');
      const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
      if (url.pathname.startsWith(CALL_PATH) && req.method === 'POST') {
        const method = url.pathname.slice(CALL_PATH.length);
        if (THIS_PC_ONLY.has(method) && peer !== LOOPBACK) {
          return refuse(res, 403, 'Hanya dapat dilakukan di komputer server');
        }
        return await answerCall(options.dispatcher, method, peer, req, res);
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Metode tidak diizinkan');
      return await serveFile(options.staticRoot, url.pathname, res);
    } catch (error) {
      console.error('[server] permintaan gagal:', error instanceof Error ? error.message : error);
      return send(res, 400, 'text/plain', 'Permintaan tidak sah');
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.address, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.address, port, options.hostname);
  return {
    port,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
