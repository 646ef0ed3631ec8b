/**
 * Serving the built renderer, the same way in browser mode (main/web.ts over HTTP) and in the desktop app
 * (main/index.ts over the app:// protocol): one Content-Security-Policy, one table of content types, one
 * path rule that refuses anything outside the renderer folder.
 */
import { extname, join, normalize, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "frame-src blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a URL path names ('/' is index.html), or null for a path that is malformed or
 * leaves the folder (`..`, encoded `%2F..`, a NUL byte).
 */
export function rendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded === '/' || decoded === '' ? 'index.html' : decoded));
  return file.startsWith(root + sep) ? file : null;
}
