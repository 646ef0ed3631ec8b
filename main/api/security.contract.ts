/** Account and personal-data settings: session length, the roles that see NIKs in full. */
import type { SecuritySettings } from '../../db/schema';
import { securitySettingsSchema } from '../domain/security';
import { method, none } from './method';

export type { SecuritySettings } from '../../db/schema';

export const securityContract = {
  'security.settings': method<SecuritySettings>()(none, { duty: 'settings.view' }),
  'security.update': method<SecuritySettings>()(securitySettingsSchema, { duty: 'settings.edit' }),
} as const;
