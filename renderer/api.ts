/** The typed client of the contract. The transport is Electron IPC when the preload provides it, else HTTP. */
import type { InputOf, MethodName, OutputOf } from '../main/api/contract';
import type { AppErrorData, ErrorLink, Result } from '../main/domain/errors';

type Transport = (method: string, input: unknown, session: string | null) => Promise<Result<unknown>>;

declare global {
  interface Window {
    api?: { call: Transport };
  }
}

export class ApiError extends Error {
  readonly code: AppErrorData['code'];
  readonly fields: Record<string, string>;
  readonly link?: ErrorLink;

  constructor(data: AppErrorData) {
    super(data.message);
    this.code = data.code;
    this.fields = data.fields ?? {};
    this.link = data.link;
  }
}

const TOKEN_KEY = 'graduasi.webToken';
const SESSION_KEY = 'graduasi.session';

/** Browser mode: the server's per-start token arrives once in the URL and is kept for this tab only. */
function webToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Without the token no call can succeed: the renderer says how to open the app instead of asking. */
const NO_TOKEN: Result<unknown> = {
  ok: false,
  error: { code: 'TOKEN_INVALID', message: 'Alamat ini tidak memuat kunci akses yang berlaku.' },
};

/**
 * Server mode (HTTPS, for the office's PCs) has no token: every staff member logs in with their own account.
 * Browser mode on this PC only (plain HTTP on 127.0.0.1) keeps the token in the address.
 */
const tokenNeeded = () => window.location.protocol !== 'https:';

const httpTransport: Transport = async (method, input, session) => {
  const token = webToken();
  if (!token && tokenNeeded()) return NO_TOKEN;
  // The method in the path and the session in a header: the server checks both before reading the body.
  const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { 'X-Graduasi-Token': token } : {}),
      ...(session ? { 'X-Graduasi-Session': session } : {}),
    },
    body: JSON.stringify(input ?? {}),
  });
  // A token from before a server restart: the server made a new one.
  if (response.status === 401) return NO_TOKEN;
  // Above the method's body limit: the server says so in Indonesian (TOO_LARGE).
  if (response.status === 413) return response.json();
  if (!response.ok) {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `Server aplikasi menolak permintaan (${response.status}). Coba lagi.` },
    };
  }
  return response.json();
};

const transport: Transport = (...args) => (window.api ? window.api.call(...args) : httpTransport(...args));

export function setSession(token: string | null) {
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
}

// The server ends a session after its idle minutes without a call; the renderer counts from the same calls.
let lastCallAt = Date.now();
export const lastCallTime = () => lastCallAt;

/** Calls one method; resolves with its value or throws ApiError with the Indonesian message and field errors. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  lastCallAt = Date.now();
  const result = await transport(method, input, sessionStorage.getItem(SESSION_KEY));
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<M>;
}

// Capture the token before anything else can rewrite the URL.
if (!window.api) webToken();
