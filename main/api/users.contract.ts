/** The office's user accounts (administrators only). */
import { z } from 'zod';
import { userCreateSchema, userUpdateSchema } from '../domain/schemas';
import type { PublicUser } from '../services/auth';
import type { LoginHold } from '../services/login-holds';
import type { PasswordReset } from '../services/passwords';
import { id, method, none } from './method';

export const userSetActiveSchema = id.extend({ active: z.boolean() });
export const holdReleaseSchema = z.object({ key: z.string().min(1).max(300) });
export type { LoginHold };

export const usersContract = {
  'users.list': method<PublicUser[]>()(none, { roles: ['admin'] }),
  'users.create': method<PublicUser>()(userCreateSchema, { roles: ['admin'] }),
  'users.setActive': method<PublicUser>()(userSetActiveSchema, { roles: ['admin'] }),
  /** Corrects the name or changes the role; the last active administrator keeps the role. */
  'users.update': method<PublicUser>()(userUpdateSchema, { roles: ['admin'] }),
  /** Login holds in force (five wrong passwords hold a username for 15 minutes) and lifting one, audited. */
  'users.holds': method<LoginHold[]>()(none, { roles: ['admin'] }),
  'users.releaseHold': method<{ released: true }>()(holdReleaseSchema, { roles: ['admin'] }),
  /** Sets a temporary password (returned once) that the user must change at the next login. */
  'users.resetPassword': method<PasswordReset>()(id, { roles: ['admin'] }),
} as const;
