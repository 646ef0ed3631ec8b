/**
 * Browser mode: the same renderer, contract, handlers, services and database as the desktop app, served
 * over HTTP on 127.0.0.1 only. A random token per start keeps other local pages and programs out.
 *
 *   npm run web -- [--db <file>] [--port <n>]      (or GRADUASI_DB=<file>)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from './api/dispatch';
import { loadAppConfig } from './app-config';
import { AppDatabase } from './app-database';
import { looksLikeNetworkPath, userDataFolder } from './paths';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "frame-src blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface WebServerOptions {
  dbFile: string;
  port: number;
  staticDir: string;
  token?: string;
  /** The app config's folder (pengaturan.json, default backup folder); default the database's folder. */
  configDir?: string;
  /** Automatic backups (at start, every few hours, before imports and decisions); default on. */
  backups?: boolean;
}

export async function startWebServer(options: WebServerOptions) {
  // A file that is not usable starts the server in recovery mode: the renderer shows the recovery page.
  const database = AppDatabase.open({
    configDir: options.configDir ?? dirname(resolve(options.dbFile)),
    databaseFile: options.dbFile,
    onMigrationBackup: (file) => console.log(`Salinan database sebelum migrasi: ${file}`),
  });
  if (!database.isOpen) console.error(database.health.message);
  if (options.backups !== false) database.startSchedule();
  const dispatcher = createDispatcher(database);
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
        const result = await dispatcher.call(body.method, body.input, body.session);
        return send(res, 200, 'application/json', JSON.stringify(result));
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Metode tidak diizinkan');
      const file = normalize(join(staticRoot, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
      if (!file.startsWith(staticRoot + sep)) return send(res, 404, 'text/plain', 'Tidak ditemukan');
      const body = await readFile(file).catch(() => null);
      if (!body) return send(res, 404, 'text/plain', 'Tidak ditemukan');
      return send(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
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
    database,
    /** The open database (the restored one after a restore). */
    get db() {
      return database.db;
    },
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A browser keeps its connections open (and may be polling); closing must not wait for it to leave.
      server.closeAllConnections();
      await closed;
      database.scheduler?.stop();
      await database.scheduler?.idle();
      database.close();
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
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
      'config-dir': { type: 'string' },
    },
  });
  const configDir = resolve(values['config-dir'] ?? process.env.GRADUASI_CONFIG_DIR ?? userDataFolder());
  const dbFile = resolve(values.db ?? process.env.GRADUASI_DB ?? loadAppConfig(configDir).databaseFile);
  if (looksLikeNetworkPath(dbFile)) {
    console.warn('PERINGATAN: database di folder jaringan tidak didukung (mode WAL). Simpan di disk lokal.');
  }
  const web = await startWebServer({ dbFile, configDir, port: Number(values.port), staticDir: values.static });
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
