/**
 * Request bodies limited per method, checked before the body is read (browser mode) and on
 * the input itself (Electron IPC); a write while an import is being saved answers BUSY at once.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/api/dispatch';
import type { Result } from '../../main/domain/errors';
import { ImportJobs } from '../../main/services/import/job-store';
import { commitImport } from '../../main/services/import/jobs';
import { startWebServer } from '../../main/web';
import { csvFile, familyRow, headerRow, makeFamilies } from '../fixtures/messy-files';
import { expectOk } from '../support/errors';
import { ADMIN, count, freshDb, placesOf } from './import-db';

const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: string;
  /** Bytes of the body the client had written when the answer came. */
  sent: number;
}

/**
 * Posts to /api/call/<method>, writing `size` bytes in 64 KB pieces and waiting for the server between them
 * (a slow sender): the answer is resolved as soon as it arrives, even while the body is still unsent.
 */
function post(
  port: number,
  token: string,
  method: string,
  body: Buffer | { size: number; announce: boolean },
  session?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const size = Buffer.isBuffer(body) ? body.length : body.size;
    const headers: Record<string, string | number> = {
      Host: `127.0.0.1:${port}`,
      'Content-Type': 'application/json',
      'X-Graduasi-Token': token,
    };
    if (session) headers['X-Graduasi-Session'] = session;
    if (Buffer.isBuffer(body) || body.announce) headers['Content-Length'] = size;
    let sent = 0;
    let answered = false;
    const req = request({ host: '127.0.0.1', port, path: `/api/call/${method}`, method: 'POST', headers }, (res) => {
      answered = true;
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sent }));
    });
    // The server closes the connection on a refused body: writing into it then fails, which is expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const piece = 64 * 1024;
    const writeNext = () => {
      if (answered || req.destroyed) return;
      if (sent >= size) return void req.end();
      const bytes = Buffer.isBuffer(body)
        ? body.subarray(sent, sent + piece)
        : Buffer.alloc(Math.min(piece, size - sent), 32);
      sent += bytes.length;
      req.write(bytes, () => setTimeout(writeNext, Buffer.isBuffer(body) ? 0 : 5));
    };
    writeNext();
  });
}

describe('request body limits in browser mode', () => {
  let web: Awaited<ReturnType<typeof startWebServer>>;
  let session: string;

  beforeAll(async () => {
    const fresh = await freshDb();
    fresh.db.$client.close();
    web = await startWebServer({ dbFile: fresh.file, port: 0, staticDir: 'dist-web' });
    const login = JSON.stringify({ username: 'admin', password: 'admin12345' });
    const answer = await post(web.port, web.token, 'auth.login', Buffer.from(login));
    session = (JSON.parse(answer.body) as { value: { sessionToken: string } }).value.sessionToken;
  });
  afterAll(() => web.close());

  it('refuses 2 MB announced to a small method with 413 and TOO_LARGE, before reading it', async () => {
    const answer = await post(web.port, web.token, 'kpm.search', { size: 2 * MB, announce: true }, session);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'TOO_LARGE', message: 'Data yang dikirim terlalu besar (maks. 1 MB).' },
    });
    // Refused on its Content-Length: not even the first megabyte was needed.
    expect(answer.sent).toBeLessThan(MB);
  });

  it('stops reading an unannounced (chunked) body as soon as it passes the limit', async () => {
    const answer = await post(web.port, web.token, 'kpm.search', { size: 3 * MB, announce: false }, session);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('TOO_LARGE');
    expect(answer.sent).toBeLessThan(3 * MB);
  });

  it('answers a call without a session before reading its body', async () => {
    const answer = await post(web.port, web.token, 'import.start', { size: 100 * MB, announce: true });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).error.code).toBe('UNAUTHENTICATED');
    expect(answer.sent).toBeLessThan(10 * MB);
  });

  it('still takes an import file far above the default limit', async () => {
    const rows = [
      'NIK,NAMA',
      ...Array.from({ length: 120_000 }, (_, i) => `35280${String(i).padStart(11, '0')},WARGA ${i}`),
    ];
    const fileBase64 = Buffer.from(rows.join('\r\n')).toString('base64');
    const body = Buffer.from(JSON.stringify({ fileName: 'besar.csv', fileBase64 }));
    expect(body.length).toBeGreaterThan(3 * MB);
    const answer = await post(web.port, web.token, 'import.start', body, session);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { jobId: expect.any(String) } });
  });
});

describe('request size limits over Electron IPC (the dispatcher)', () => {
  it('refuses an input above the method limit with the same TOO_LARGE answer', async () => {
    const { db } = await freshDb();
    try {
      const api = createDispatcher(db, () => {});
      const login = expectOk<{ sessionToken: string }>(
        await api.call('auth.login', { username: 'admin', password: 'admin12345' }, null),
      );
      const result = await api.call('kpm.search', { q: 'x'.repeat(2 * MB) }, login.sessionToken);
      expect(result).toEqual({
        ok: false,
        error: { code: 'TOO_LARGE', message: 'Data yang dikirim terlalu besar (maks. 1 MB).' },
      });
      // Under the limit the same method answers (the query is then merely too long for its field).
      const small = await api.call('kpm.search', { q: 'x'.repeat(1000) }, login.sessionToken);
      expect(small.ok ? 'ok' : small.error.code).not.toBe('TOO_LARGE');
    } finally {
      db.$client.close();
    }
  });
});

describe('a write while an import is being saved', () => {
  it('answers BUSY at once, writes nothing, and reads keep working', async () => {
    const { db } = await freshDb();
    try {
      const jobs = new ImportJobs();
      const api = createDispatcher(db, () => {}, { importJobs: jobs });
      const { sessionToken } = expectOk<{ sessionToken: string }>(
        await api.call('auth.login', { username: 'admin', password: 'admin12345' }, null),
      );
      const families = makeFamilies(3, placesOf(db), { seed: 41 });
      const bytes = csvFile([headerRow('siksng'), ...families.map((f) => familyRow(f, 'siksng'))]);
      const { jobId } = expectOk<{ jobId: string }>(
        await api.call('import.start', { fileName: 'a.csv', fileBase64: bytes.toString('base64') }, sessionToken),
      );
      await jobs.get(ADMIN, jobId).running;
      const { planId } = expectOk<{ planId: string }>(await api.call('import.report', { jobId }, sessionToken));

      const pendamping = () => count(db, 'SELECT count(*) AS n FROM pendamping');
      const before = pendamping();
      let during: Promise<{ write: Result<unknown>; read: Result<unknown>; ms: number }> | null = null;
      await commitImport(jobs, db, ADMIN, jobId, planId, {
        // Runs inside the import's open write transaction (its own connection). Both calls reach their
        // handlers synchronously, so they meet the lock held.
        afterChunk: () => {
          const started = performance.now();
          const write = api.call('pendamping.create', { name: 'DEWI LESTARI', phone: '' }, sessionToken);
          const read = api.call('kpm.search', { page: 1, pageSize: 10 }, sessionToken);
          const ms = performance.now() - started;
          during = Promise.all([write, read]).then(([w, r]) => ({ write: w, read: r, ms }));
        },
      });
      expect(during).not.toBeNull();
      const seen = await (during as unknown as Promise<{ write: Result<unknown>; read: Result<unknown>; ms: number }>);
      expect(seen.write).toEqual({
        ok: false,
        error: { code: 'BUSY', message: 'Sedang menyimpan impor, coba lagi sebentar.' },
      });
      expect(seen.ms).toBeLessThan(1000);
      expect(seen.read.ok).toBe(true);
      expect(pendamping()).toBe(before);
      expect(count(db, 'SELECT count(*) AS n FROM kpm')).toBe(3);

      // Once saved, writes wait and succeed again.
      const after = await api.call('pendamping.create', { name: 'DEWI LESTARI', phone: '' }, sessionToken);
      expect(after.ok).toBe(true);
      expect(pendamping()).toBe(before + 1);
    } finally {
      db.$client.close();
    }
  });
});
