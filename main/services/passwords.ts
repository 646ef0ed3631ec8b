/**
 * Passwords after the account exists: a user changes their own; an administrator (or the command line, for
 * a forgotten administrator password) resets one to a temporary password that must be changed at the next
 * login. The audit records who did what, never a password or its hash.
 */

import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { users } from '../../db/schema';
import { ACCOUNT_DUTIES } from '../domain/duties';
import { AppError } from '../domain/errors';
import { PASSWORD_IS_USERNAME, passwordIsUsername } from '../domain/password';
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

function invalidNewPassword(message: string): AppError {
  return new AppError('INVALID_INPUT', message, { fields: { newPassword: message } });
}

/**
 * The user's own change; clears the must-change flag a reset set and ends the user's other sessions
 * (credentials_changed_at; the dispatcher keeps the session that made the change).
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: PasswordChangeInput): Promise<PublicUser> {
  if (actor.id === null) throw new AppError('UNAUTHENTICATED', 'Sesi Anda berakhir. Silakan masuk kembali.');
  const userId = actor.id;
  const found = db.select().from(users).where(eq(users.id, userId)).get();
  if (!found) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
  if (!(await verifyPassword(input.oldPassword, found.passwordHash))) {
    throw new AppError('INVALID_INPUT', 'Kata sandi lama salah.', {
      fields: { oldPassword: 'Kata sandi lama salah.' },
    });
  }
  if (input.newPassword === input.oldPassword)
    throw invalidNewPassword('Kata sandi baru harus berbeda dari yang lama.');
  if (passwordIsUsername(input.newPassword, found.username)) throw invalidNewPassword(PASSWORD_IS_USERNAME);
  // Hashed before the transaction (it cannot await); the hash it replaces is checked again inside it.
  const passwordHash = await hashPassword(input.newPassword);
  return inTransaction(db, () => {
    const stored = db.select().from(users).where(eq(users.id, userId)).get();
    if (stored?.passwordHash !== found.passwordHash) {
      throw new AppError(
        'CONFLICT',
        'Kata sandi akun ini baru saja diubah di tempat lain. Masuk kembali lalu coba lagi.',
      );
    }
    db.update(users)
      .set({ passwordHash, mustChangePassword: false, credentialsChangedAt: new Date().toISOString() })
      .where(eq(users.id, userId))
      .run();
    writeAudit(db, actor, {
      action: 'change_password',
      entity: 'user',
      entityId: userId,
      summary: `Pengguna ${found.username} mengganti kata sandinya`,
    });
    return getUser(db, userId) as PublicUser;
  });
}

export interface PasswordReset {
  user: PublicUser;
  /** Shown once to whoever reset it; stored only as a hash. */
  temporaryPassword: string;
}

/** A temporary password and its hash, made before the transaction that stores it (it cannot await). */
async function newTemporaryPassword(): Promise<{ password: string; hash: string }> {
  const password = temporaryPassword();
  return { password, hash: await hashPassword(password) };
}

function resetUser(
  db: Db,
  actor: Actor,
  user: PublicUser,
  how: string,
  temporary: { password: string; hash: string },
  activate = false,
): PasswordReset {
  const active = activate || user.active;
  // A reset ends every session of the account (someone may be using the forgotten or leaked password).
  db.update(users)
    .set({
      passwordHash: temporary.hash,
      mustChangePassword: true,
      active,
      credentialsChangedAt: new Date().toISOString(),
    })
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
  return { user: { ...user, active, mustChangePassword: true }, temporaryPassword: temporary.password };
}

/** An administrator resets another user's password; their own they change from the user menu. */
export async function resetPassword(db: Db, actor: Actor, userId: number): Promise<PasswordReset> {
  requireRole(actor, ACCOUNT_DUTIES.manageUsers);
  if (userId === actor.id) {
    throw new AppError('CONFLICT', 'Ganti kata sandi Anda sendiri lewat menu pengguna (Ganti kata sandi).');
  }
  const temporary = await newTemporaryPassword();
  return inTransaction(db, () => {
    const user = getUser(db, userId);
    if (!user) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    return resetUser(db, actor, user, `oleh ${actor.username}`, temporary);
  });
}

/**
 * For a forgotten administrator password: run on the office PC by whoever holds the database file. It also
 * activates the account, so no combination of forgotten password and deactivation locks an office out.
 */
export async function resetPasswordByUsername(db: Db, actor: Actor, username: string): Promise<PasswordReset> {
  const temporary = await newTemporaryPassword();
  return inTransaction(db, () => {
    const found = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, username.trim().toLowerCase()))
      .get();
    const user = found ? getUser(db, found.id) : null;
    if (!user) throw new AppError('NOT_FOUND', `Pengguna "${username}" tidak ditemukan.`);
    return resetUser(db, actor, user, 'lewat baris perintah', temporary, true);
  });
}
