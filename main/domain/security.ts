/** The office's account and personal-data settings, shared by the settings form and the services. */
import { z } from 'zod';
import { ROLES } from './enums';

export const securitySettingsSchema = z.object({
  sessionIdleMinutes: z
    .number({ error: 'Isi lama sesi dalam menit.' })
    .int('Lama sesi harus bilangan bulat.')
    .min(5, 'Lama sesi paling sedikit 5 menit.')
    .max(720, 'Lama sesi paling lama 720 menit (12 jam).'),
  /** Roles that see NIK and No. KK in full in lists and exports. */
  fullNikRoles: z.array(z.enum(ROLES)).max(ROLES.length),
});
export type SecuritySettingsInput = z.infer<typeof securitySettingsSchema>;

/** Why a session ended after its idle minutes: said by the server and by the renderer, which ends it too. */
export const idleMessage = (minutes: number) =>
  `Sesi Anda berakhir karena tidak ada aktivitas selama ${minutes} menit. Silakan masuk kembali.`;
