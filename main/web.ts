/**
 * Browser mode: the same renderer, contract, handlers, services and database as the desktop app, served
 * over HTTP on 127.0.0.1 only. A random token per start keeps other local pages and programs out.
 *
 *   npm run web -- [--db <file>] [--port <n>]      (or GRADUASI_DB=<file>)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher, type Dispatcher } from './api/dispatch';
import { bodyLimitOf, tooLarge } from './api/limits';
import { loadAppConfig } from './app-config';
import { AppDatabase } from './app-database';
import { looksLikeNetworkPath, userDataFolder } from './paths';
import { CONTENT_SECURITY_POLICY, contentTypeOf, rendererFile } from './renderer-files';

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
      if (url.pathname.startsWith(CALL_PATH) && req.method === 'POST') {
        if (!sameToken(req.headers['x-graduasi-token'], token)) return refuse(res, 401, 'Token tidak sah');
        return await answerCall(dispatcher, url.pathname.slice(CALL_PATH.length), req, res);
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
      await database.shutdown();
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

/** POST /api/call/<method>: the body is the method's input as JSON; the session travels in a header. */
const CALL_PATH = '/api/call/';

/**
 * Everything that can be decided from the headers is decided before the body is read: the session (a call
 * that needs one and has none reads nothing) and the method's body limit (Content-Length, then counted).
 */
async function answerCall(dispatcher: Dispatcher, method: string, req: IncomingMessage, res: ServerResponse) {
  const session = headerValue(req.headers['x-graduasi-session']);
  // Login throttling counts failures per source: the browser's address.
  const caller = { source: req.socket.remoteAddress ?? 'tidak diketahui' };
  if (!dispatcher.admits(method, session)) {
    return refuse(res, 200, JSON.stringify(await dispatcher.call(method, null, session, caller)), 'application/json');
  }
  const limit = bodyLimitOf(method);
  const tooBig = JSON.stringify({ ok: false, error: tooLarge(limit).toData() });
  if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(res, 413, tooBig, 'application/json');
  const body = await readBody(req, limit);
  if (!body) return refuse(res, 413, tooBig, 'application/json');
  const input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  const result = await dispatcher.call(method, input, session, caller);
  return send(res, 200, 'application/json', JSON.stringify(result));
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The body, or null as soon as it passes the limit (the rest is never read). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Answers without reading the rest of the body; "Connection: close" makes Node close the socket once the
 * answer is out, so the sender stops sending and nothing more is read.
 */
function refuse(res: ServerResponse, status: number, body: string, type = 'text/plain') {
  res.setHeader('Connection', 'close');
  send(res, status, type, body);
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
