/** The office's account and personal-data settings: session length and the roles that see NIKs in full. */

import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../db/open';
import { type SecuritySettings, securitySettings } from '../../db/schema';
import { SETTINGS_DUTIES } from '../domain/duties';
import type { Role } from '../domain/enums';
import { maskNik } from '../domain/identity';
import type { SecuritySettingsInput } from '../domain/security';
import { type Actor, requireRole } from './actor';
import { writeAudit } from './audit';

export function getSecuritySettings(db: Db): SecuritySettings {
  const row = db.select().from(securitySettings).where(eq(securitySettings.id, 1)).get();
  // Migration 0013 inserts the row; a missing one means a database from before it that was not migrated.
  if (!row) throw new Error('security_settings row 1 is missing');
  return row;
}

export function updateSecuritySettings(db: Db, actor: Actor, input: SecuritySettingsInput): SecuritySettings {
  requireRole(actor, SETTINGS_DUTIES.edit);
  return inTransaction(db, () => {
    const before = getSecuritySettings(db);
    // The administrator always sees NIKs in full: otherwise nobody could correct one.
    const fullNikRoles = [...new Set<Role>(['admin', ...input.fullNikRoles])];
    const after = db
      .update(securitySettings)
      .set({ sessionIdleMinutes: input.sessionIdleMinutes, fullNikRoles })
      .where(eq(securitySettings.id, 1))
      .returning()
      .get();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'settings',
      entityId: null,
      summary: 'Pengaturan keamanan dan data pribadi diubah',
      before,
      after,
    });
    return after;
  });
}

/** Whether this role sees NIK and No. KK in full (lists, exports); the others get maskNik's 3528********0001. */
export function seesFullNik(db: Db, role: Role): boolean {
  return getSecuritySettings(db).fullNikRoles.includes(role);
}

/** A NIK or No. KK as this role may see it in a list. */
export function nikFor(db: Db, role: Role): (nik: string) => string {
  return seesFullNik(db, role) ? (nik) => nik : maskNik;
}
