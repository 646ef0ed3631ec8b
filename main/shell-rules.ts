/**
 * The desktop shell's security rules as plain functions (no electron import), so they are tested in Node
 * (test/node/shell-rules.test.ts): which URLs are the app, what the app:// protocol serves, and which links
 * may open in the user's browser.
 */
import { rendererFile } from './renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'graduasi';
/** Where the window loads the renderer from (registered as a standard, secure scheme in main/index.ts). */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** No user:password@ (`app://graduasi@evil/` is not the app). */
const noCredentials = (url: URL) => url.username === '' && url.password === '';

/** app://graduasi exactly: no credentials, no port; the host in any case (Chromium lowers it, Node does not). */
const isAppOrigin = (url: URL) =>
  url.protocol === `${APP_SCHEME}:` && url.hostname.toLowerCase() === APP_HOST && noCredentials(url) && url.port === '';

/**
 * Whether a URL is the app's own page: exactly app://graduasi/index.html (any #route of the hash router),
 * or in development the Vite server's root. Anything else is refused for navigation and as an IPC sender.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (parsed?.search !== '') return false;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return (
      dev !== null &&
      parsed.protocol === dev.protocol &&
      parsed.host === dev.host &&
      noCredentials(parsed) &&
      (parsed.pathname === '/' || parsed.pathname === '/index.html')
    );
  }
  return isAppOrigin(parsed) && parsed.pathname === '/index.html';
}

/** The file an app:// request may read from the renderer folder, or null (another host, traversal). */
export function appRequestFile(rendererRoot: string, requestUrl: string): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || !isAppOrigin(parsed)) return null;
  return rendererFile(rendererRoot, parsed.pathname);
}

/** Web pages the app may open in the user's browser: the region data's licence and the ministry's site. */
const EXTERNAL_ALLOWLIST: readonly { host: string; pathPrefix: string }[] = [
  { host: 'opendatacommons.org', pathPrefix: '/licenses/odbl/' },
  { host: 'github.com', pathPrefix: '/fityannugroho/idn-area-data' },
  { host: 'kemensos.go.id', pathPrefix: '/' },
  { host: 'www.kemensos.go.id', pathPrefix: '/' },
];

export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parse(url);
  if (parsed?.protocol !== 'https:' || !noCredentials(parsed) || parsed.port !== '') return false;
  return EXTERNAL_ALLOWLIST.some(
    (entry) => parsed.hostname === entry.host && parsed.pathname.startsWith(entry.pathPrefix),
  );
}
