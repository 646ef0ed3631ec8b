/**
 * Graduation fixtures for the verification/proposal/decision tests: families, users of each role, and
 * candidate rows inserted directly (the candidate services are built in parallel in another branch; these
 * rows are exactly what they write: one open candidacy per family).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { exitTypes } from '../../db/schema';
import type { Role } from '../../main/domain/enums';
import type { CandidateKind, CandidateStage } from '../../main/domain/graduation';
import type { Actor } from '../../main/services/actor';
import { actorOf, insertUser } from '../../main/services/auth';
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

/** A user of the role, as the actor the services take. */
export function userActor(db: Db, admin: Actor, role: Role, username: string): Actor {
  return actorOf(insertUser(db, admin, { username, fullName: `Pengguna ${username}`, role, password: 'rahasia123' }));
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
      options.stage ?? 'calon',
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
