/**
 * The workflow states as files written before migration english_workflow_states stored them (Indonesian words),
 * for the tests that build such a file: the current helpers write English values, and writeOldStates turns them
 * back into what the older app wrote, through the older file's own triggers.
 */
import type { Db } from '../../db/open';

/** Each stored state column with its values, new -> old (the migration maps them old -> new). */
export const OLD_STATES = [
  {
    table: 'graduation_candidates',
    column: 'stage',
    values: {
      candidate: 'calon',
      verified: 'terverifikasi',
      proposed: 'diusulkan',
      approved: 'disetujui',
      rejected: 'ditolak',
      cancelled: 'dibatalkan',
    },
  },
  { table: 'proposals', column: 'status', values: { draft: 'draft', submitted: 'diajukan', decided: 'diputuskan' } },
  { table: 'proposal_items', column: 'decision', values: { approved: 'disetujui', rejected: 'ditolak' } },
  { table: 'award_programs', column: 'status', values: { draft: 'draft', active: 'aktif', closed: 'ditutup' } },
  {
    table: 'awards',
    column: 'stage',
    values: { planned: 'direncanakan', approved: 'disetujui', handed_over: 'diserahkan', cancelled: 'dibatalkan' },
  },
] as const;

/**
 * The old values no stored state, trigger or index may hold after the migration. 'draft' stays as it was, and
 * 'aktif' stays a family's status (KPM_STATUS, the ministry's category): only a programme's 'aktif' is renamed.
 */
export const OLD_VALUES = [
  ...new Set(OLD_STATES.flatMap((s) => Object.values(s.values)).filter((v) => v !== 'draft' && v !== 'aktif')),
];

/** Rewrites every state column to the values an older app wrote. */
export function writeOldStates(db: Db): void {
  db.$client.transaction(() => {
    for (const { table, column, values } of OLD_STATES) {
      const update = db.$client.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`);
      for (const [now, old] of Object.entries(values)) update.run(old, now);
    }
  })();
}
