/**
 * Logging in: the password checked without blocking (async scrypt), guessers slowed and held
 * (login-throttle.ts), and every login, failed login and hold in the audit log. The audit never carries the
 * password, only the username tried and the source.
 */
import { randomBytes } from 'node:crypto';
import { type Db, inTransaction } from '../../db/open';
import { AppError } from '../domain/errors';
import type { Actor } from './actor';
import { writeAudit } from './audit';
import { actorOf, findUserByUsername, getUser, hashPassword, type PublicUser, verifyPassword } from './auth';
import {
  attemptFailed,
  attemptSucceeded,
  beginAttempt,
  failureDelayMs,
  THROTTLE,
  throttleKeys,
} from './login-throttle';

/** The desktop app has one source: the PC itself. */
export const LOCAL_SOURCE = 'lokal';

export interface LoginInput {
  username: string;
  password: string;
  /** The caller's address in browser mode; LOCAL_SOURCE in the desktop app. */
  source?: string;
}

/** A clock and a pause the tests replace (a fake clock, no wait); the app uses the real ones. */
export interface LoginClock {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export const REAL_CLOCK: LoginClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// Verifying against a dummy hash keeps the time of a failed login the same for unknown usernames.
let dummyHash: Promise<string> | null = null;
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(8).toString('hex'));
  return dummyHash;
}

// A username field holding a pasted paragraph must not fill the audit log.
const shown = (username: string) => username.trim().toLowerCase().slice(0, 64);

/** Same message for unknown user, wrong password and inactive account: the form reveals no usernames. */
export async function login(db: Db, input: LoginInput, clock: LoginClock = REAL_CLOCK): Promise<PublicUser> {
  const source = input.source ?? LOCAL_SOURCE;
  const keys = throttleKeys(shown(input.username), source);
  const pause = inTransaction(db, () => beginAttempt(db, keys, clock.now()));
  if (pause > 0) await paced(keys.source, () => clock.sleep(pause));
  const user = findUserByUsername(db, input.username);
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummy()));
  if (user?.active && valid) {
    return inTransaction(db, () => {
      attemptSucceeded(db, keys, clock.now());
      const actor = { ...actorOf(user), address: source };
      writeAudit(db, actor, {
        action: 'login',
        entity: 'session',
        entityId: user.id,
        summary: `${user.username} masuk (${source})`,
        after: { source },
      });
      return getUser(db, user.id) as PublicUser;
    });
  }
  const failure = inTransaction(db, () => recordFailure(db, keys, user?.id ?? null, input.username, source, clock));
  await clock.sleep(failureDelayMs(failure.userFailures));
  throw new AppError('LOGIN_FAILED', `${LOGIN_FAILED_MESSAGE}${holdWarning(failure)}`);
}

// The paced attempts of each source, one after another: guesses sent in parallel wait their turn too.
const pacing = new Map<string, Promise<void>>();

async function paced(source: string, wait: () => Promise<void>): Promise<void> {
  const mine = (pacing.get(source) ?? Promise.resolve()).then(wait);
  pacing.set(source, mine);
  await mine;
  if (pacing.get(source) === mine) pacing.delete(source);
}

const LOGIN_FAILED_MESSAGE = 'Nama pengguna atau kata sandi salah, atau akun tidak aktif.';

/** Said before the hold, not only after it: the user can stop and ask for a reset instead of being held. */
function holdWarning(failure: { userFailures: number; locked: string[] }): string {
  if (failure.locked.some((key) => key.startsWith('user:'))) {
    return ` Akun ditahan ${THROTTLE.lockMinutes} menit.`;
  }
  if (failure.userFailures === THROTTLE.userLimit - 1) {
    return ` Satu kali lagi salah, akun ditahan ${THROTTLE.lockMinutes} menit.`;
  }
  return '';
}

function recordFailure(
  db: Db,
  keys: ReturnType<typeof throttleKeys>,
  userId: number | null,
  username: string,
  source: string,
  clock: LoginClock,
) {
  const failure = attemptFailed(db, keys, clock.now());
  // Nobody is logged in: the audit names the username tried, whether or not it exists.
  const actor: Actor = { id: null, username: shown(username), role: 'pimpinan', address: source };
  writeAudit(db, actor, {
    action: 'login_failed',
    entity: 'session',
    entityId: userId,
    summary: `Gagal masuk sebagai ${shown(username)} (${source})`,
    after: { username: shown(username), source },
  });
  for (const key of failure.locked) {
    const isUser = key === keys.user;
    writeAudit(db, actor, {
      action: 'lock',
      entity: isUser ? 'user' : 'session',
      entityId: isUser ? userId : null,
      summary: isUser
        ? `Nama pengguna ${shown(username)} ditahan ${THROTTLE.lockMinutes} menit setelah ${THROTTLE.userLimit} kali gagal masuk`
        : `Percobaan masuk dari ${source} diperlambat setelah ${THROTTLE.sourceLimit} kali gagal`,
      after: { key, source },
    });
  }
  return failure;
}

/** Logging out, audited under the user who leaves (the actor carries the PC they leave from). */
export function recordLogout(db: Db, actor: Actor): void {
  inTransaction(db, () =>
    writeAudit(db, actor, {
      action: 'logout',
      entity: 'session',
      entityId: actor.id,
      summary: `${actor.username} keluar`,
    }),
  );
}
