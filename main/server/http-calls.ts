/**
 * Answering the contract and the renderer's files over HTTP, the same way in browser mode (main/web.ts, this
 * PC only) and in server mode (office-server.ts, HTTPS for the office's PCs): body limits, headers, refusals.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from '../api/dispatch';
import { bodyLimitOf, tooLarge } from '../api/limits';
import { CONTENT_SECURITY_POLICY, contentTypeOf, rendererFile } from '../renderer-files';

/** POST /api/call/<method>: the body is the method's input as JSON; the session travels in a header. */
export const CALL_PATH = '/api/call/';

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/**
 * Answers without reading the rest of the body; "Connection: close" makes Node close the socket once the
 * answer is out, so the sender stops sending and nothing more is read.
 */
export function refuse(res: ServerResponse, status: number, body: string, type = 'text/plain') {
  res.setHeader('Connection', 'close');
  send(res, status, type, body);
}

/** GET of a renderer file under `staticRoot` (resolved), 404 for anything else. */
export async function serveFile(staticRoot: string, pathname: string, res: ServerResponse) {
  const file = rendererFile(staticRoot, pathname);
  if (!file) return send(res, 404, 'text/plain', 'Tidak ditemukan');
  const body = await readFile(file).catch(() => null);
  if (!body) return send(res, 404, 'text/plain', 'Tidak ditemukan');
  return send(res, 200, contentTypeOf(file), body);
}

/**
 * Everything that can be decided from the headers is decided before the body is read: the session (a call
 * that needs one and has none reads nothing) and the method's body limit (Content-Length, then counted).
 * `source` is the caller's address: login throttling counts per source and the audit records it.
 */
export async function answerCall(
  dispatcher: Dispatcher,
  method: string,
  source: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const session = headerValue(req.headers['x-graduasi-session']);
  const caller = { source };
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
