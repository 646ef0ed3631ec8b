/**
 * Slowing and holding password guessers: failed logins are counted per username
 * ('user:<name>') and per source ('source:<address>'; 'lokal' in the desktop app) in `login_throttle`.
 * Five failures of one username within 15 minutes hold that username for 15 minutes. A source is never
 * held: in an office the source is a staff PC (or, behind one router, the whole office), and a guesser there
 * must not lock every colleague out. Past twenty failures every further attempt from the source is paced
 * (sourcePauseMs) instead. An attempt is counted BEFORE its password is checked, so guesses sent in parallel
 * cannot all slip past the limit while scrypt runs; a success takes its count back.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { loginThrottle } from '../../db/schema';
import { AppError } from '../domain/errors';

export const THROTTLE = {
  windowMinutes: 15,
  lockMinutes: 15,
  userLimit: 5,
  sourceLimit: 20,
  firstDelayMs: 500,
  maxDelayMs: 8000,
} as const;

export interface ThrottleKeys {
  user: string;
  source: string;
}

export function throttleKeys(username: string, source: string): ThrottleKeys {
  return { user: `user:${username.trim().toLowerCase()}`, source: `source:${source}` };
}

const MINUTE = 60_000;

function limitOf(key: string): number {
  return key.startsWith('user:') ? THROTTLE.userLimit : THROTTLE.sourceLimit;
}

function lockedMessage(minutes: number): string {
  return `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`;
}

/** The key's row, or none when its window or its lock has run out (the row is then removed). */
function currentRow(db: Db, key: string, now: Date) {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row) return undefined;
  const windowOver = now.getTime() - Date.parse(row.firstFailedAt) >= THROTTLE.windowMinutes * MINUTE;
  const lockOver = row.lockedUntil !== null && Date.parse(row.lockedUntil) <= now.getTime();
  if (lockOver || (row.lockedUntil === null && windowOver)) {
    db.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
    return undefined;
  }
  return row;
}

/**
 * Refuses the attempt when its username is held (or already has as many attempts under way as its limit), else
 * counts it; returns the pause the attempt waits before its password is checked (0 until the source passes
 * its limit). Runs inside the caller's transaction.
 */
export function beginAttempt(db: Db, keys: ThrottleKeys, now: Date): number {
  const rows = [keys.user, keys.source].map((key) => ({ key, row: currentRow(db, key, now) }));
  for (const { key, row } of rows) {
    if (!row || key === keys.source) continue;
    if (row.lockedUntil) {
      throw new AppError(
        'LOGIN_LOCKED',
        lockedMessage(Math.ceil((Date.parse(row.lockedUntil) - now.getTime()) / MINUTE)),
      );
    }
    if (row.failures >= limitOf(key)) throw new AppError('LOGIN_LOCKED', lockedMessage(THROTTLE.lockMinutes));
  }
  for (const { key, row } of rows) {
    if (row)
      db.update(loginThrottle)
        .set({ failures: row.failures + 1 })
        .where(eq(loginThrottle.key, key))
        .run();
    else db.insert(loginThrottle).values({ key, failures: 1, firstFailedAt: now.toISOString() }).run();
  }
  return sourcePauseMs(rows[1].row?.failures ?? 0);
}

/** 0.5 s for the attempt after the source's twentieth failure, doubling up to 8 s: slowed, never refused. */
export function sourcePauseMs(failures: number): number {
  return failures < THROTTLE.sourceLimit ? 0 : failureDelayMs(failures - THROTTLE.sourceLimit + 1);
}

/** A good password: the username's count is cleared, the source's count of this attempt taken back. */
export function attemptSucceeded(db: Db, keys: ThrottleKeys, now: Date): void {
  db.delete(loginThrottle).where(eq(loginThrottle.key, keys.user)).run();
  const source = currentRow(db, keys.source, now);
  if (source && source.failures > 1) {
    db.update(loginThrottle)
      .set({ failures: source.failures - 1 })
      .where(eq(loginThrottle.key, keys.source))
      .run();
  } else if (source && !source.lockedUntil) {
    db.delete(loginThrottle).where(eq(loginThrottle.key, keys.source)).run();
  }
}

export interface FailedAttempt {
  /** The username's failures in the current window, this one included. */
  userFailures: number;
  /** The keys this failure held or, for the source, began to slow (reached their limit). */
  locked: string[];
}

/** A wrong password (or unknown or inactive user): holds the username that reached its limit. */
export function attemptFailed(db: Db, keys: ThrottleKeys, now: Date): FailedAttempt {
  const lockedUntil = new Date(now.getTime() + THROTTLE.lockMinutes * MINUTE).toISOString();
  const locked: string[] = [];
  let userFailures = 0;
  for (const key of [keys.user, keys.source]) {
    const row = currentRow(db, key, now);
    if (!row) continue;
    if (key === keys.user) userFailures = row.failures;
    if (key === keys.source) {
      if (row.failures === THROTTLE.sourceLimit) locked.push(key);
    } else if (row.failures >= limitOf(key) && !row.lockedUntil) {
      db.update(loginThrottle).set({ lockedUntil }).where(eq(loginThrottle.key, key)).run();
      locked.push(key);
    }
  }
  return { userFailures, locked };
}

/** 0.5 s after the first failure, doubling up to 8 s: slow for a guesser, hardly noticed after one typo. */
export function failureDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(THROTTLE.firstDelayMs * 2 ** (failures - 1), THROTTLE.maxDelayMs);
}
