/** Logging in and out, and the session the renderer starts from. */
import { z } from 'zod';
import type { Office } from '../../db/schema';
import { passwordChangeSchema } from '../domain/password-change';
import type { PublicUser } from '../services/auth';
import { method, none } from './method';

export interface SessionInfo {
  user: PublicUser;
  office: Office;
  /** Minutes without a call after which the server ends the session; the renderer hides the data then too. */
  sessionIdleMinutes: number;
}

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'Isi nama pengguna.'),
  password: z.string().min(1, 'Isi kata sandi.'),
});

export const authContract = {
  'auth.login': method<SessionInfo & { sessionToken: string }>()(loginSchema, { public: true }),
  'auth.logout': method<{ done: true }>()(none, { public: true }),
  'auth.session': method<SessionInfo | null>()(none, { public: true }),
  /** The logged-in user's own password; the only work allowed while a reset password must be changed. */
  'auth.changePassword': method<SessionInfo>()(passwordChangeSchema, {
    duty: 'accounts.ownPassword',
    allowedBeforePasswordChange: true,
  }),
} as const;
