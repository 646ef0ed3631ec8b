/** Changing one's own password: the form and the contract check the same rules. */
import { z } from 'zod';
import { passwordSchema } from './password';

export const passwordChangeSchema = z
  .object({
    oldPassword: z.string().min(1, 'Isi kata sandi lama.'),
    newPassword: passwordSchema,
    newPasswordConfirm: z.string(),
  })
  .superRefine((value, ctx) => {
    if (value.newPasswordConfirm !== value.newPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPasswordConfirm'],
        message: 'Ulangi kata sandi baru yang sama persis.',
      });
    }
    if (value.newPassword && value.newPassword === value.oldPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Kata sandi baru harus berbeda dari yang lama.' });
    }
  });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;
