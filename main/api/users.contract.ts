/** The office's user accounts (administrators only). */
import { z } from 'zod';
import { userCreateSchema } from '../domain/schemas';
import type { PublicUser } from '../services/auth';
import type { PasswordReset } from '../services/passwords';
import { id, method, none } from './method';

export const userSetActiveSchema = id.extend({ active: z.boolean() });

export const usersContract = {
  'users.list': method<PublicUser[]>()(none, { roles: ['admin'] }),
  'users.create': method<PublicUser>()(userCreateSchema, { roles: ['admin'] }),
  'users.setActive': method<PublicUser>()(userSetActiveSchema, { roles: ['admin'] }),
  /** Sets a temporary password (returned once) that the user must change at the next login. */
  'users.resetPassword': method<PasswordReset>()(id, { roles: ['admin'] }),
} as const;
