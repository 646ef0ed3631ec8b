import { getSecuritySettings, updateSecuritySettings } from '../services/security-settings';
import type { HandlersOf } from './handlers';
import type { securityContract } from './security.contract';

export const securityHandlers = {
  'security.settings': ({ db }) => getSecuritySettings(db),
  'security.update': ({ db, actor }, input) => updateSecuritySettings(db, actor, input),
} satisfies HandlersOf<typeof securityContract>;
