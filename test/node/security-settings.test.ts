import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/open';
import {
  getSecuritySettings,
  nikFor,
  seesFullNik,
  updateSecuritySettings,
} from '../../main/services/security-settings';
import { setUpOffice } from './helpers';

let db: Db | undefined;
afterEach(() => db?.$client.close());

describe('security settings', () => {
  it('start with 30 minutes and full NIKs for admin, operator and verifikator', async () => {
    ({ db } = await setUpOffice());
    expect(getSecuritySettings(db)).toEqual({
      id: 1,
      sessionIdleMinutes: 30,
      fullNikRoles: ['admin', 'operator', 'verifikator'],
    });
    expect(seesFullNik(db, 'pimpinan')).toBe(false);
    expect(nikFor(db, 'pimpinan')('3375014507850001')).toBe('3375********0001');
    expect(nikFor(db, 'operator')('3375014507850001')).toBe('3375014507850001');
  });

  it('keep the administrator among the full-NIK roles and audit the change', async () => {
    let admin: Awaited<ReturnType<typeof setUpOffice>>['admin'];
    ({ db, admin } = await setUpOffice());
    const after = updateSecuritySettings(db, admin, { sessionIdleMinutes: 45, fullNikRoles: ['verifikator'] });
    expect(after.fullNikRoles.sort()).toEqual(['admin', 'verifikator']);
    expect(seesFullNik(db, 'operator')).toBe(false);
    const audit = db.$client
      .prepare("SELECT summary, after FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1")
      .get() as { summary: string; after: string };
    expect(audit.summary).toBe('Pengaturan keamanan dan data pribadi diubah');
    expect(JSON.parse(audit.after).sessionIdleMinutes).toBe(45);
  });

  it('are changed by administrators only', async () => {
    ({ db } = await setUpOffice());
    const operator = { id: 99, username: 'op', role: 'operator' as const };
    expect(() => updateSecuritySettings(db as Db, operator, { sessionIdleMinutes: 10, fullNikRoles: [] })).toThrow(
      /hak akses/,
    );
    expect(getSecuritySettings(db).sessionIdleMinutes).toBe(30);
  });
});
