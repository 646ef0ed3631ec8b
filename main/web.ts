/**
 * Browser mode: the same renderer, contract, handlers, services and database as the desktop app, served
 * over HTTP on 127.0.0.1 only. A random token per start keeps other local pages and programs out.
 *
 *   npm run web -- [--db <file>] [--port <n>]      (or GRADUASI_DB=<file>)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open';
import { createDispatcher } from './api/dispatch';
import { defaultDatabaseFile, looksLikeNetworkPath } from './paths';
import { CONTENT_SECURITY_POLICY, contentTypeOf, rendererFile } from './renderer-files';

export interface WebServerOptions {
  dbFile: string;
  port: number;
  staticDir: string;
  token?: string;
}

export async function startWebServer(options: WebServerOptions) {
  const db = openDatabase(options.dbFile, {
    onBackup: (file) => console.log(`Salinan database sebelum migrasi: ${file}`),
  });
  const dispatcher = createDispatcher(db);
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = resolve(options.staticDir);

  const server = createServer(async (req, res) => {
    try {
      // A page on another origin that resolves to 127.0.0.1 (DNS rebinding) carries another Host.
      const port = (server.address() as { port: number }).port;
      if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
        return send(res, 403, 'text/plain', 'Host tidak diizinkan');
      }
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname === '/api/call' && req.method === 'POST') {
        if (!sameToken(req.headers['x-graduasi-token'], token)) return send(res, 401, 'text/plain', 'Token tidak sah');
        const body = JSON.parse((await readBody(req)).toString('utf8')) as {
          method: string;
          input: unknown;
          session: string | null;
        };
        const result = await dispatcher.call(body.method, body.input, body.session, {
          source: req.socket.remoteAddress ?? 'tidak diketahui',
        });
        return send(res, 200, 'application/json', JSON.stringify(result));
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Metode tidak diizinkan');
      const file = rendererFile(staticRoot, url.pathname);
      if (!file) return send(res, 404, 'text/plain', 'Tidak ditemukan');
      const body = await readFile(file).catch(() => null);
      if (!body) return send(res, 404, 'text/plain', 'Tidak ditemukan');
      return send(res, 200, contentTypeOf(file), body);
    } catch (error) {
      console.error('[web] permintaan gagal:', error instanceof Error ? error.message : error);
      return send(res, 400, 'text/plain', 'Permintaan tidak sah');
    }
  });

  await new Promise<void>((resolveListen) => server.listen(options.port, '127.0.0.1', resolveListen));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    db,
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A browser keeps its connections open (and may be polling); closing must not wait for it to leave.
      server.closeAllConnections();
      await closed;
      db.$client.close();
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Compared in constant time, so the token cannot be guessed one character at a time. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

// Above the import's own limit (about 150 MB of file), so an oversized file gets the import's clear message.
const MAX_BODY = 260 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Berkas terlalu besar');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: process.env.GRADUASI_PORT ?? '5180' },
      static: { type: 'string', default: 'dist-web' },
    },
  });
  const dbFile = resolve(values.db ?? process.env.GRADUASI_DB ?? defaultDatabaseFile());
  if (looksLikeNetworkPath(dbFile)) {
    console.warn('PERINGATAN: database di folder jaringan tidak didukung (mode WAL). Simpan di disk lokal.');
  }
  const web = await startWebServer({ dbFile, port: Number(values.port), staticDir: values.static });
  console.log(`Database: ${dbFile}`);
  console.log(`Graduasi PKH (mode peramban) siap. Buka alamat ini di peramban:\n${web.url}`);
  const stop = () => web.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
