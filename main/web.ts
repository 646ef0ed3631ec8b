/**
 * Browser mode: the same renderer, contract, handlers, services and database as the desktop app, served
 * over HTTP on 127.0.0.1 only. A random token per start keeps other local pages and programs out.
 *
 *   npm run web -- [--db <file>] [--port <n>]      (or GRADUASI_DB=<file>)
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDispatcher } from './api/dispatch';
import { loadAppConfig } from './app-config';
import { AppDatabase } from './app-database';
import { looksLikeNetworkPath, userDataFolder } from './paths';
import { answerCall, CALL_PATH, refuse, send, serveFile } from './server/http-calls';
import { OfficeServerControl } from './server/office-server-control';

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
  const staticRoot = resolve(options.staticDir);
  const configDir = options.configDir ?? dirname(resolve(options.dbFile));
  // Server mode answers with the same dispatcher, so its sessions are this app's sessions.
  const officeServer = new OfficeServerControl({ database, staticDir: staticRoot, configDir });
  const dispatcher = createDispatcher(database, console.error, { officeServer });
  officeServer.attach(dispatcher);
  const token = options.token ?? randomBytes(24).toString('base64url');

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
        // Login throttling counts failures per source: the browser's address.
        const source = req.socket.remoteAddress ?? 'tidak diketahui';
        return await answerCall(dispatcher, url.pathname.slice(CALL_PATH.length), source, req, res);
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Metode tidak diizinkan');
      return await serveFile(staticRoot, url.pathname, res);
    } catch (error) {
      console.error('[web] permintaan gagal:', error instanceof Error ? error.message : error);
      return send(res, 400, 'text/plain', 'Permintaan tidak sah');
    }
  });

  await new Promise<void>((resolveListen) => server.listen(options.port, '127.0.0.1', resolveListen));
  const port = (server.address() as { port: number }).port;
  await officeServer.resume();
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    database,
    officeServer,
    /** The open database (the restored one after a restore). */
    get db() {
      return database.db;
    },
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A browser keeps its connections open (and may be polling); closing must not wait for it to leave.
      server.closeAllConnections();
      await closed;
      await officeServer.close();
      await database.shutdown();
    },
  };
}

/** Compared in constant time, so the token cannot be guessed one character at a time. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
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
