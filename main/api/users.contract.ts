/** The office's user accounts (administrators only). */
import { z } from 'zod';
import { userCreateSchema, userUpdateSchema } from '../domain/schemas';
import type { PublicUser, UserListRow } from '../services/auth';
import type { LoginHold } from '../services/login-holds';
import type { PasswordReset } from '../services/passwords';
import { id, method, none } from './method';

export const userSetActiveSchema = id.extend({ active: z.boolean() });
export const holdReleaseSchema = z.object({ key: z.string().min(1).max(300) });
export type { LoginHold };

export const usersContract = {
  /** Each account with the name of the pendamping record a pendamping account acts for. */
  'users.list': method<UserListRow[]>()(none, { duty: 'accounts.manageUsers' }),
  'users.create': method<PublicUser>()(userCreateSchema, { duty: 'accounts.manageUsers' }),
  'users.setActive': method<PublicUser>()(userSetActiveSchema, { duty: 'accounts.manageUsers' }),
  /** Corrects the name or changes the role; the last active administrator keeps the role. */
  'users.update': method<PublicUser>()(userUpdateSchema, { duty: 'accounts.manageUsers' }),
  /** Login holds in force (five wrong passwords hold a username for 15 minutes) and lifting one, audited. */
  'users.holds': method<LoginHold[]>()(none, { duty: 'accounts.manageUsers' }),
  'users.releaseHold': method<{ released: true }>()(holdReleaseSchema, { duty: 'accounts.manageUsers' }),
  /** Sets a temporary password (returned once) that the user must change at the next login. */
  'users.resetPassword': method<PasswordReset>()(id, { duty: 'accounts.manageUsers' }),
} as const;
