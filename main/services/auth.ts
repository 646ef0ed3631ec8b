import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { pendamping, type User, users } from '../../db/schema';
import { ACCOUNT_DUTIES } from '../domain/duties';
import type { Role } from '../domain/enums';
import { AppError } from '../domain/errors';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';
import { checkPendampingLink } from './pendamping-accounts';

const SCRYPT_N = 16384;
const KEY_LENGTH = 64;

// Asynchronous: scrypt runs on libuv's thread pool, so one user's login does not hold up everybody's calls.
function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$salt$hash` (base64): the stored format since the first release, so old hashes keep working. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { N: SCRYPT_N });
  return `scrypt$${SCRYPT_N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n) });
  return timingSafeEqual(actual, expected);
}

export type PublicUser = Omit<User, 'passwordHash'>;

function toPublic({ passwordHash: _hash, ...user }: User): PublicUser {
  return user;
}

export function actorOf(user: PublicUser): Actor {
  return { id: user.id, username: user.username, role: user.role, pendampingId: user.pendampingId };
}

export function getUser(db: Db, id: number): PublicUser | null {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  return user ? toPublic(user) : null;
}

/** A row of the Pengguna list: the account and the name of the pendamping record it acts for (null: none). */
export type UserListRow = PublicUser & { pendampingName: string | null };

export function listUsers(db: Db): UserListRow[] {
  return db
    .select({ user: users, pendampingName: pendamping.name })
    .from(users)
    .leftJoin(pendamping, eq(pendamping.id, users.pendampingId))
    .orderBy(users.username)
    .all()
    .map(({ user, pendampingName }) => ({ ...toPublic(user), pendampingName }));
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  /** The pendamping record of a pendamping account (checked by checkPendampingLink); absent for other roles. */
  pendampingId?: number | null;
  password: string;
}

export function findUserByUsername(db: Db, username: string): User | undefined {
  return db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get();
}

/**
 * Inserts a user with an already computed hash and without a permission check: for setup, inside its
 * transaction (better-sqlite3 transactions cannot await the hashing); everything else uses createUser.
 */
export function insertUserRow(db: Db, actor: Actor, input: NewUser, passwordHash: string): PublicUser {
  const username = input.username.trim().toLowerCase();
  if (db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
    throw new AppError('DUPLICATE', `Nama pengguna "${username}" sudah dipakai.`, {
      fields: { username: 'Nama pengguna sudah dipakai.' },
    });
  }
  const pendampingId = checkPendampingLink(db, input.role, input.pendampingId ?? null, null);
  const user = db
    .insert(users)
    .values({
      username,
      fullName: input.fullName.trim(),
      role: input.role,
      pendampingId,
      passwordHash,
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

/** Inserts a user without a permission check (test fixtures, the seed); the app goes through createUser. */
export async function insertUser(db: Db, actor: Actor, input: NewUser): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, () => insertUserRow(db, actor, input, passwordHash));
}

export async function createUser(db: Db, actor: Actor, input: NewUser): Promise<PublicUser> {
  requireRole(actor, ACCOUNT_DUTIES.manageUsers);
  return insertUser(db, actor, input);
}

export function setUserActive(db: Db, actor: Actor, userId: number, active: boolean): PublicUser {
  requireRole(actor, ACCOUNT_DUTIES.manageUsers);
  if (userId === actor.id && !active) {
    throw new AppError('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  }
  return inTransaction(db, () => {
    const before = getUser(db, userId);
    if (!before) throw new AppError('NOT_FOUND', 'Pengguna tidak ditemukan.');
    // Deactivating ends the user's sessions for good: reactivating does not bring an old session back.
    const credentialsChangedAt = active ? before.credentialsChangedAt : new Date().toISOString();
    db.update(users).set({ active, credentialsChangedAt }).where(eq(users.id, userId)).run();
    const after = { ...before, active, credentialsChangedAt };
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
