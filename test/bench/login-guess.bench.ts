/**
 * How fast can a password be guessed (about 28 guesses a second before throttling)? Without throttling: the rate of
 * password checks one after another, as the old login allowed. With it: a guesser sending 8 guesses at a time
 * through the real dispatcher (real pauses) for 20 s, against one username and then spraying usernames from
 * one address; the sustained rate is what the hold leaves per 15 minutes. Also the longest stall of the event
 * loop while 8 logins are checked: scryptSync (before) against the async scrypt (now).
 */
import { scryptSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { createDispatcher } from '../../main/api/dispatch';
import { hashPassword, verifyPassword } from '../../main/services/auth';
import { THROTTLE } from '../../main/services/login-throttle';
import { setUpTestOffice } from '../support/office';
import { report } from './stats';

const WINDOW_MS = 20_000;
const PARALLEL = 8;

async function unthrottledRate(): Promise<number> {
  const stored = await hashPassword('kata-sandi-benar');
  let checks = 0;
  const start = performance.now();
  while (performance.now() - start < 5000) {
    await verifyPassword(`tebakan-${checks}`, stored);
    checks++;
  }
  return checks / ((performance.now() - start) / 1000);
}

/** Guesses for WINDOW_MS with PARALLEL in flight; how many passwords were actually checked. */
async function guessFor(call: (i: number) => Promise<{ ok: boolean; error?: { code: string } }>) {
  let checked = 0;
  let refused = 0;
  let next = 0;
  const end = performance.now() + WINDOW_MS;
  const worker = async () => {
    while (performance.now() < end) {
      const result = await call(next++);
      if (result.error?.code === 'LOGIN_LOCKED') refused++;
      else checked++;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { checked, refused };
}

/** The longest gap between timer ticks while 8 password checks run. */
async function longestStall(check: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 20));
  await Promise.all(Array.from({ length: PARALLEL }, check));
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(timer);
  return worst;
}

export async function benchLoginGuess(): Promise<void> {
  report('login_guess_rate_unthrottled', await unthrottledRate(), 'guesses/s');

  const stored = await hashPassword('kata-sandi-benar');
  const [, n, salt, hash] = stored.split('$');
  const syncCheck = async () =>
    scryptSync('tebakan', Buffer.from(salt, 'base64'), Buffer.from(hash, 'base64').length, { N: Number(n) });
  report('login_event_loop_stall_sync', await longestStall(syncCheck), 'ms', 0);
  report('login_event_loop_stall_async', await longestStall(() => verifyPassword('tebakan', stored)), 'ms', 0);

  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'graduasi-bench-login-')), 'login.db'));
  await setUpTestOffice(db);
  const api = createDispatcher(db, () => {});
  const source = { source: '10.0.0.66' };
  const oneUser = await guessFor((i) =>
    api.call('auth.login', { username: 'admin', password: `tebak-${i}` }, null, source),
  );
  report('login_guesses_checked_one_user_20s', oneUser.checked, 'guesses', 0);
  report('login_guess_rate_one_user_sustained', oneUser.checked / (THROTTLE.lockMinutes * 60), 'guesses/s', 4);

  const spray = await guessFor((i) =>
    api.call('auth.login', { username: `pengguna${i}`, password: 'admin12345' }, null, { source: '10.0.0.67' }),
  );
  report('login_guesses_checked_one_source_20s', spray.checked, 'guesses', 0);
  report('login_guess_rate_one_source_sustained', spray.checked / (THROTTLE.lockMinutes * 60), 'guesses/s', 4);
  db.$client.close();
}

if (process.argv[1]?.endsWith('login-guess.bench.ts')) await benchLoginGuess();
