/**
 * Graduation fixtures written straight into the tables, exactly as the candidate and decision services store
 * them, so each service can be tested apart: families, users of each role and candidate rows (verification,
 * proposal and decision tests); pendamping, families in bulk, decided proposals with their follow-up visits and
 * reversals (progress and visit tests). Synthetic data only.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { exitTypes } from '../../db/schema';
import { addMonths } from '../../main/domain/dates';
import type { Role } from '../../main/domain/enums';
import type { CandidateKind, CandidateStage } from '../../main/domain/graduation';
import type { Actor } from '../../main/services/actor';
import { actorOf, insertUserRow } from '../../main/services/auth';
import { createKpm } from '../../main/services/kpm';
import { familyInput } from '../node/helpers';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A family with its own NIK, No. KK and ID KPM (n from 1 to 9999), named `Keluarga Uji <n>`. */
export function insertFamily(db: Db, actor: Actor, n: number): number {
  const result = createKpm(
    db,
    actor,
    familyInput({
      idKpm: `P${pad(n, 12)}`,
      noKk: `337501010110${pad(n, 4)}`,
      nik: `337501450785${pad(n, 4)}`,
      nama: `Keluarga Uji ${n}`,
      members: [],
      acceptWarnings: true,
    }),
  );
  if (result.status !== 'saved') throw new Error(`family ${n} not saved: ${JSON.stringify(result)}`);
  return result.id;
}

/** The id of an exit type by its name (the defaults of migration 0009). */
export function exitTypeIdNamed(db: Db, name: string): number {
  const row = db.select().from(exitTypes).where(eq(exitTypes.name, name)).get();
  if (!row) throw new Error(`no exit type ${name}`);
  return row.id;
}

/** The password of the users userActor makes. */
export const FIXTURE_PASSWORD = 'rahasia123';
// FIXTURE_PASSWORD hashed once (scrypt, N=16384): fixtures stay synchronous and skip a 50 ms hash per user.
const FIXTURE_HASH =
  'scrypt$16384$XzkNRXuTegI3Rp8TS2Zcmw==$yvZsF91NB9Xu/mfe7NObE9hez5WHNx0x7O73e2d4WZhEJFcqdvCnCqq49CXVsjn+fiBkECE9ke+4osLFtnBYXg==';

/** A user of the role (password FIXTURE_PASSWORD), as the actor the services take; a pendamping's linked record. */
export function userActor(db: Db, admin: Actor, role: Role, username: string, pendampingId?: number): Actor {
  const input = { username, fullName: `Pengguna ${username}`, role, password: FIXTURE_PASSWORD, pendampingId };
  return actorOf(db.transaction(() => insertUserRow(db, admin, input, FIXTURE_HASH)));
}

/** A candidacy row as the candidate service stores it. */
export function insertCandidate(
  db: Db,
  kpmId: number,
  options: { kind?: CandidateKind; stage?: CandidateStage; reasons?: string[] } = {},
): number {
  const now = new Date().toISOString();
  const row = db.$client
    .prepare(
      `INSERT INTO graduation_candidates (kpm_id, kind, reasons, notes, stage, created_by, created_by_name, created_at, updated_at)
       VALUES (?, ?, ?, '', ?, NULL, 'uji', ?, ?) RETURNING id`,
    )
    .get(
      kpmId,
      options.kind ?? 'mandiri',
      JSON.stringify(options.reasons ?? ['usaha']),
      options.stage ?? 'candidate',
      now,
      now,
    ) as { id: number };
  return row.id;
}

/** Answers that score 100 (every option at its best) or 0 under the default criteria. */
export const BEST_ANSWERS: Record<string, string> = {
  penghasilan: 'setara_umk',
  kepemilikan_rumah: 'milik',
  lantai: 'keramik',
  dinding: 'tembok',
  jamban: 'sendiri',
  penerangan: 'listrik_900',
  aset: 'lebih',
  utang: 'tidak_ada',
  porsi_pangan: 'di_bawah_50',
};
export const WORST_ANSWERS: Record<string, string> = {
  penghasilan: 'di_bawah_50',
  kepemilikan_rumah: 'menumpang',
  porsi_pangan: 'di_atas_70',
};

// --- progress and follow-up visits ---------------------------------------------------------------------------

const now = () => new Date().toISOString();
let serial = 0;

export function addPendamping(db: Db, name: string, districtCodes: string[] = []): number {
  const { id } = db.$client
    .prepare('INSERT INTO pendamping (name, active, created_at, updated_at) VALUES (?, 1, ?, ?) RETURNING id')
    .get(name, now(), now()) as { id: number };
  for (const code of districtCodes) {
    db.$client.prepare('INSERT INTO pendamping_districts (pendamping_id, district_code) VALUES (?, ?)').run(id, code);
  }
  return id;
}

/** A desa of the kecamatan, for families placed there. */
function villageOf(db: Db, districtCode: string): string {
  const row = db.$client
    .prepare('SELECT code FROM regions WHERE parent_code = ? ORDER BY code LIMIT 1')
    .get(districtCode) as { code: string } | undefined;
  if (!row) throw new Error(`Kecamatan ${districtCode} tidak punya desa.`);
  return row.code;
}

/** The desa code of a family. */
export function villageOfFamily(db: Db, kpmId: number): string {
  return db.$client.prepare('SELECT village_code FROM kpm WHERE id = ?').pluck().get(kpmId) as string;
}

/** Active (or otherwise) families of one pendamping in one kecamatan; returns their ids. */
export function addFamilies(
  db: Db,
  options: { count: number; pendampingId: number | null; districtCode: string; status?: string; statusDate?: string },
): number[] {
  const village = villageOf(db, options.districtCode);
  const insert = db.$client.prepare(
    `INSERT INTO kpm (no_kk, nik, nama, jenis_kelamin, district_code, village_code, pendamping_id, status, status_date,
                      created_at, updated_at)
     VALUES (?, ?, ?, 'P', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  return Array.from({ length: options.count }, () => {
    serial++;
    const digits = String(serial).padStart(6, '0');
    const row = insert.get(
      `337501010120${digits.slice(-4)}`,
      `3375014101${digits}`,
      `IBU UJI ${digits}`,
      options.districtCode,
      village,
      options.pendampingId,
      options.status ?? 'aktif',
      options.statusDate ?? null,
      now(),
      now(),
    ) as { id: number };
    return row.id;
  });
}

/** Candidates in one stage (pipeline counts); the pendamping is the family's. */
export function addCandidates(
  db: Db,
  kpmIds: number[],
  stage: CandidateStage,
  kind: CandidateKind = 'mandiri',
): number[] {
  const insert = db.$client.prepare(
    `INSERT INTO graduation_candidates (kpm_id, kind, reasons, stage, pendamping_id, created_by_name, created_at, updated_at)
     VALUES (?, ?, '[]', ?, (SELECT pendamping_id FROM kpm WHERE id = ?), 'uji', ?, ?) RETURNING id`,
  );
  return kpmIds.map((id) => (insert.get(id, kind, stage, id, now(), now()) as { id: number }).id);
}

/**
 * A decided proposal approving these families: candidates (approved), the proposal and its items, the decision
 * with its SK, the families' graduation status dated on the SK, and a follow-up visit per interval.
 */
export function decideGraduations(
  db: Db,
  options: {
    kpmIds: number[];
    skDate: string;
    kind?: CandidateKind;
    visitMonths?: number[];
    rejectedKpmIds?: number[];
  },
): { decisionId: number; proposalId: number } {
  const kind = options.kind ?? 'mandiri';
  const status = kind === 'mandiri' ? 'graduasi_mandiri' : 'graduasi_alamiah';
  return db.$client.transaction(() => {
    serial++;
    const { id: proposalId } = db.$client
      .prepare(
        `INSERT INTO proposals (number, year, title, status, created_by_name, created_at)
         VALUES (?, ?, 'Usulan uji', 'decided', 'uji', ?) RETURNING id`,
      )
      .get(`USUL-UJI-${serial}`, Number(options.skDate.slice(0, 4)), now()) as { id: number };
    const { id: decisionId } = db.$client
      .prepare(
        `INSERT INTO decisions (proposal_id, sk_number, sk_date, decided_by_name, decided_at)
         VALUES (?, ?, ?, 'uji', ?) RETURNING id`,
      )
      .get(proposalId, `SK-UJI-${serial}`, options.skDate, now()) as { id: number };
    const item = db.$client.prepare(
      'INSERT INTO proposal_items (proposal_id, candidate_id, decision) VALUES (?, ?, ?)',
    );
    for (const id of addCandidates(db, options.kpmIds, 'approved', kind)) item.run(proposalId, id, 'approved');
    for (const id of addCandidates(db, options.rejectedKpmIds ?? [], 'rejected', kind))
      item.run(proposalId, id, 'rejected');
    const graduate = db.$client.prepare('UPDATE kpm SET status = ?, status_date = ? WHERE id = ?');
    const visit = db.$client.prepare(
      'INSERT INTO follow_up_visits (kpm_id, decision_id, months_after, due_date) VALUES (?, ?, ?, ?)',
    );
    for (const kpmId of options.kpmIds) {
      graduate.run(status, options.skDate, kpmId);
      for (const months of options.visitMonths ?? [3, 6, 12]) {
        visit.run(kpmId, decisionId, months, addMonths(options.skDate, months));
      }
    }
    return { decisionId, proposalId };
  })();
}

/** Marks a decision reversed; with keepStatus the families' status is left as it was (a half-done reversal). */
export function reverseDecision(db: Db, decisionId: number, options: { keepStatus?: boolean } = {}): void {
  db.$client
    .prepare("UPDATE decisions SET reversed_at = ?, reversed_by_name = 'uji', reverse_reason = 'uji' WHERE id = ?")
    .run(now(), decisionId);
  if (!options.keepStatus) {
    db.$client
      .prepare(
        `UPDATE kpm SET status = 'aktif', status_date = NULL WHERE id IN (
           SELECT c.kpm_id FROM proposal_items pi JOIN graduation_candidates c ON c.id = pi.candidate_id
           JOIN decisions d ON d.proposal_id = pi.proposal_id WHERE d.id = ? AND pi.decision = 'approved')`,
      )
      .run(decisionId);
  }
}

/** A pendamping account (password FIXTURE_PASSWORD) linked to the pendamping record, as the actor the services take. */
export function pendampingActor(db: Db, admin: Actor, username: string, pendampingId: number): Actor {
  const input = {
    username,
    fullName: `Pendamping ${username}`,
    role: 'pendamping' as const,
    pendampingId,
    password: FIXTURE_PASSWORD,
  };
  return actorOf(db.transaction(() => insertUserRow(db, admin, input, FIXTURE_HASH)));
}
