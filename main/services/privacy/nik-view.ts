/**
 * The family page with NIK and No. KK in full, for the roles in fullNikRoles, each viewing logged.
 * Logged per page load rather than behind a "show" button: the staff who may see NIKs need them to
 * work (edit form, letters), so a button would be clicked every time and add nothing but a click; one audit
 * row per load is cheap (an indexed insert). The other roles get the page masked by the dispatcher.
 */
import type { Db } from '../../../db/open';
import type { Actor } from '../actor';
import { NIK_VIEW_ACTION, writeAudit } from '../audit';
import { getKpm, type KpmDetail } from '../kpm';
import { requireOwnFamily } from '../own-families';
import { seesFullNik } from '../security-settings';
import { isSqliteBusy } from '../sqlite-errors';
import { maskNikFields } from './mask';

export type KpmView = KpmDetail & {
  /** NIK and No. KK are shown in full (and the viewing was logged). */
  nikFull: boolean;
};

export function viewKpm(db: Db, actor: Actor, id: number): KpmView {
  const detail = getKpm(db, id);
  requireOwnFamily(actor, detail.kpm.pendampingId, 'KPM tidak ditemukan.');
  if (!seesFullNik(db, actor.role)) return { ...detail, nikFull: false };
  try {
    writeAudit(db, actor, {
      action: NIK_VIEW_ACTION,
      entity: 'kpm',
      entityId: id,
      summary: `NIK dan No. KK keluarga ${detail.kpm.nama} ditampilkan lengkap`,
    });
  } catch (error) {
    // An import is being saved and holds the write lock: the page still opens, masked, as no log was written.
    if (isSqliteBusy(error)) return { ...maskNikFields(detail), nikFull: false };
    throw error;
  }
  return { ...detail, nikFull: true };
}
