/**
 * Passwords after the account exists: a user changes their own; an administrator (or the command line, for
 * a forgotten administrator password) resets one to a temporary password that must be changed at the next
 * login. The audit records who did what, never a password or its hash.
 */
import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { users } from '../../db/schema';
import { AppError } from '../domain/errors';
import type { PasswordChangeInput } from '../domain/password-change';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';
import { getUser, hashPassword, type PublicUser, verifyPassword } from './auth';

// No 0/O, 1/l/I: the administrator reads it out or writes it down for the user.
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const TEMPORARY_LENGTH = 10;

export function temporaryPassword(): string {
  let password = '';
  for (let i = 0; i < TEMPORARY_LENGTH; i++) password += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
  return password;
}

/** The user's own change; clears the must-change flag a reset set. */
export function changeOwnPassword(db: Db, actor: Actor, input: PasswordChangeInput): PublicUser {
  if (actor.id === null) throw new AppError('UNAUTHENTICATED', 'Sesi Anda berakhir. Silakan masuk kembali.');
  const userId = actor.id;
  return inTransaction(db, () => {
    const stored = db.select().from(users).where(eq(users.id, userId)).get();
    if (!stored) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    if (!verifyPassword(input.oldPassword, stored.passwordHash)) {
      throw new AppError('INVALID_INPUT', 'Kata sandi lama salah.', {
        fields: { oldPassword: 'Kata sandi lama salah.' },
      });
    }
    if (input.newPassword === input.oldPassword) {
      throw new AppError('INVALID_INPUT', 'Kata sandi baru harus berbeda dari yang lama.', {
        fields: { newPassword: 'Kata sandi baru harus berbeda dari yang lama.' },
      });
    }
    db.update(users)
      .set({ passwordHash: hashPassword(input.newPassword), mustChangePassword: false })
      .where(eq(users.id, userId))
      .run();
    writeAudit(db, actor, {
      action: 'change_password',
      entity: 'user',
      entityId: userId,
      summary: `Pengguna ${stored.username} mengganti kata sandinya`,
    });
    return getUser(db, userId) as PublicUser;
  });
}

export interface PasswordReset {
  user: PublicUser;
  /** Shown once to whoever reset it; stored only as a hash. */
  temporaryPassword: string;
}

function resetUser(db: Db, actor: Actor, user: PublicUser, how: string, activate = false): PasswordReset {
  const password = temporaryPassword();
  const active = activate || user.active;
  db.update(users)
    .set({ passwordHash: hashPassword(password), mustChangePassword: true, active })
    .where(eq(users.id, user.id))
    .run();
  writeAudit(db, actor, {
    action: 'reset_password',
    entity: 'user',
    entityId: user.id,
    summary: `Kata sandi pengguna ${user.username} diatur ulang ${how}${active !== user.active ? ' dan akunnya diaktifkan' : ''}; wajib diganti saat masuk`,
    before: { active: user.active, mustChangePassword: user.mustChangePassword },
    after: { active, mustChangePassword: true },
  });
  return { user: { ...user, active, mustChangePassword: true }, temporaryPassword: password };
}

/** An administrator resets another user's password; their own they change from the user menu. */
export function resetPassword(db: Db, actor: Actor, userId: number): PasswordReset {
  requireRole(actor, ['admin']);
  if (userId === actor.id) {
    throw new AppError('CONFLICT', 'Ganti kata sandi Anda sendiri lewat menu pengguna (Ganti kata sandi).');
  }
  return inTransaction(db, () => {
    const user = getUser(db, userId);
    if (!user) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    return resetUser(db, actor, user, `oleh ${actor.username}`);
  });
}

/**
 * For a forgotten administrator password: run on the office PC by whoever holds the database file. It also
 * activates the account, so no combination of forgotten password and deactivation locks an office out.
 */
export function resetPasswordByUsername(db: Db, actor: Actor, username: string): PasswordReset {
  return inTransaction(db, () => {
    const found = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username.trim().toLowerCase()))
      .get();
    const user = found ? getUser(db, found.id) : null;
    if (!user) throw new AppError('NOT_FOUND', `Pengguna "${username}" tidak ditemukan.`);
    return resetUser(db, actor, user, 'lewat baris perintah', true);
  });
}
