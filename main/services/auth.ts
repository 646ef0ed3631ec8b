import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { type User, users } from '../../db/schema';
import type { Role } from '../domain/enums';
import { AppError } from '../domain/errors';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';

const SCRYPT_N = 16384;
const KEY_LENGTH = 64;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N: SCRYPT_N });
  return `scrypt$${SCRYPT_N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return timingSafeEqual(actual, expected);
}

export type PublicUser = Omit<User, 'passwordHash'>;

function toPublic({ passwordHash: _hash, ...user }: User): PublicUser {
  return user;
}

export function actorOf(user: PublicUser): Actor {
  return { id: user.id, username: user.username, role: user.role };
}

/** Same message for unknown user and wrong password, so the form does not reveal which usernames exist. */
export function login(db: Db, username: string, password: string): PublicUser {
  const user = db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get();
  const valid = user ? verifyPassword(password, user.passwordHash) : verifyPassword(password, DUMMY_HASH);
  if (!user || !valid || !user.active) {
    throw new AppError('LOGIN_FAILED', 'Nama pengguna atau kata sandi salah, atau akun tidak aktif.');
  }
  return toPublic(user);
}

// Verifying against a dummy hash keeps the time of a failed login the same for unknown usernames.
const DUMMY_HASH = hashPassword(randomBytes(8).toString('hex'));

export function getUser(db: Db, id: number): PublicUser | null {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  return user ? toPublic(user) : null;
}

export function listUsers(db: Db): PublicUser[] {
  return db.select().from(users).orderBy(users.username).all().map(toPublic);
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  password: string;
}

/** Inserts a user without a permission check: for setup; everything else goes through createUser. */
export function insertUser(db: Db, actor: Actor, input: NewUser): PublicUser {
  const username = input.username.trim().toLowerCase();
  if (db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
    throw new AppError('DUPLICATE', `Nama pengguna "${username}" sudah dipakai.`, {
      fields: { username: 'Nama pengguna sudah dipakai.' },
    });
  }
  const user = db
    .insert(users)
    .values({
      username,
      fullName: input.fullName.trim(),
      role: input.role,
      passwordHash: hashPassword(input.password),
      createdAt: new Date().toISOString(),
    })
    .returning()
    .get();
  const result = toPublic(user);
  writeAudit(db, actor, {
    action: 'create',
    entity: 'user',
    entityId: user.id,
    summary: `Pengguna ${username} (${input.role}) dibuat`,
    after: result,
  });
  return result;
}

export function createUser(db: Db, actor: Actor, input: NewUser): PublicUser {
  requireRole(actor, ['admin']);
  return inTransaction(db, () => insertUser(db, actor, input));
}

export function setUserActive(db: Db, actor: Actor, userId: number, active: boolean): PublicUser {
  requireRole(actor, ['admin']);
  if (userId === actor.id && !active) {
    throw new AppError('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  }
  return inTransaction(db, () => {
    const before = getUser(db, userId);
    if (!before) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    db.update(users).set({ active }).where(eq(users.id, userId)).run();
    const after = { ...before, active };
    writeAudit(db, actor, {
      action: active ? 'activate' : 'deactivate',
      entity: 'user',
      entityId: userId,
      summary: `Pengguna ${before.username} ${active ? 'diaktifkan' : 'dinonaktifkan'}`,
      before,
      after,
    });
    return after;
  });
}
