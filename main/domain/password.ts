/**
 * The password rule, one definition for setup, user creation, the change of one's own password and the
 * server's checks: at least 8 characters, not only spaces, not the username.
 */
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 8;
/** The forms' description under every new-password field. */
export const PASSWORD_HINT = `Minimal ${PASSWORD_MIN_LENGTH} karakter, tidak hanya spasi, dan tidak sama dengan nama pengguna.`;
export const PASSWORD_IS_USERNAME = 'Kata sandi tidak boleh sama dengan nama pengguna.';

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`)
  .regex(/\S/, 'Kata sandi tidak boleh hanya berisi spasi.');

/** Case-insensitive and around spaces, the way usernames are stored (trimmed, lower case). */
export function passwordIsUsername(password: string, username: string): boolean {
  return username.trim() !== '' && password.trim().toLowerCase() === username.trim().toLowerCase();
}

/**
 * For an object schema that carries both fields (setup's admin, user creation): a superRefine adding the
 * "not the username" error at the password field.
 */
export function refinePasswordNotUsername(value: { username: string; password: string }, ctx: z.RefinementCtx): void {
  if (passwordIsUsername(value.password, value.username)) {
    ctx.addIssue({ code: 'custom', path: ['password'], message: PASSWORD_IS_USERNAME });
  }
}
