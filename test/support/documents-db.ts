/**
 * Document fixtures in the database: graduated families through a real decision
 * (test/support/graduation.ts), with mandiri reasons, a pendamping with NIP and a signed statement, and a
 * synthetic draft for numbering tests. The PDF layouts' snapshot fixtures are in documents.ts. Synthetic data only.
 */
import type { Db } from '../../db/open';
import type { DocumentKind } from '../../main/domain/documents';
import type { Actor } from '../../main/services/actor';
import type { DocumentDraft } from '../../main/services/documents/snapshot';
import { addPendamping, decideGraduations, insertFamily } from './graduation';

export const PENDAMPING = { name: 'Dewi Anggraeni, S.Sos.', nip: '198801012015032001' };

/** A pendamping with a NIP, assigned to the families. */
export function pendampingFor(db: Db, kpmIds: number[]): number {
  const id = addPendamping(db, PENDAMPING.name);
  db.$client.prepare('UPDATE pendamping SET nip = ? WHERE id = ?').run(PENDAMPING.nip, id);
  const move = db.$client.prepare('UPDATE kpm SET pendamping_id = ? WHERE id = ?');
  for (const kpmId of kpmIds) move.run(id, kpmId);
  return id;
}

/**
 * Families `Keluarga Uji <n>` graduated mandiri by one decision (SK-UJI-<serial>, dated skDate), their
 * candidacies with reasons usaha + penghasilan_naik and the pendamping, and a signed statement each.
 */
export function graduatedFamilies(
  db: Db,
  admin: Actor,
  numbers: number[],
  options: { skDate?: string; kind?: 'mandiri' | 'alamiah'; rejected?: number[] } = {},
) {
  const kpmIds = numbers.map((n) => insertFamily(db, admin, n));
  const rejectedKpmIds = (options.rejected ?? []).map((n) => insertFamily(db, admin, n));
  const pendampingId = pendampingFor(db, [...kpmIds, ...rejectedKpmIds]);
  const decided = decideGraduations(db, {
    kpmIds,
    rejectedKpmIds,
    skDate: options.skDate ?? '2026-10-15',
    kind: options.kind ?? 'mandiri',
  });
  db.$client
    .prepare(
      `UPDATE graduation_candidates SET reasons = '["usaha","penghasilan_naik"]', pendamping_id = ?
       WHERE id IN (SELECT candidate_id FROM proposal_items WHERE proposal_id = ?)`,
    )
    .run(pendampingId, decided.proposalId);
  db.$client
    .prepare(
      "UPDATE proposal_items SET reject_reason = 'Penghasilan belum stabil' WHERE proposal_id = ? AND decision = 'rejected'",
    )
    .run(decided.proposalId);
  const statement = db.$client.prepare(
    `INSERT INTO graduation_statements (candidate_id, signed_date, witness_pendamping, witness_kepala_desa, place,
       recorded_by_name, recorded_at)
     SELECT candidate_id, '2026-09-01', ?, 'Slamet Riyadi', 'Pekalongan', 'uji', '2026-09-01T00:00:00Z'
     FROM proposal_items WHERE proposal_id = ?`,
  );
  statement.run(PENDAMPING.name, decided.proposalId);
  return { ...decided, kpmIds, rejectedKpmIds, pendampingId };
}

/** A list-less, family-less document draft, enough to take a number and write a register row. */
export function plainDraft(
  issuedDate: string,
  subject = 'Uji nomor',
  kind: DocumentKind = 'daftar_usulan',
): DocumentDraft {
  const kop = {
    government: 'PEMERINTAH KOTA UJI',
    agency: 'DINAS SOSIAL',
    address: '',
    phone: '',
    email: '',
    website: '',
    logo: null,
  };
  const signature = {
    place: 'Uji',
    date: issuedDate,
    onBehalfOf: '',
    position: 'Kepala',
    name: 'Uji',
    rank: '',
    nip: '',
  };
  return {
    printed: {
      kind,
      issuedDate,
      paper: 'A4',
      templateVersion: 1,
      kop,
      title: 'UJI',
      opening: '',
      body: '',
      closing: '',
      signature,
    },
    subject,
    kpmId: null,
    proposalId: null,
    decisionId: null,
  };
}
