/**
 * Which graduated families a programme may reward, one rule for the eligible list and the
 * plan: the family's status is one of the programme's graduation types, it came through an approved decision
 * that was not reversed (as graduationOf in documents/eligibility.ts), its status date lies within the
 * programme's range, and (one award per family) it has no award in the programme that is not cancelled.
 */
import type { Db } from '../../../db/open';
import type { AwardProgram } from '../../../db/schema';
import { AWARD_STAGE_LABEL, type AwardStage } from '../../domain/awards';
import { type KpmStatus, STATUS_LABEL } from '../../domain/enums';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import { prepareCached } from '../kpm-search';
import type { EligibleFamily } from './types';

/** The family k graduated through an approved decision still in force (the same join as graduationOf). */
const DECIDED = `EXISTS (SELECT 1 FROM graduation_candidates c
  JOIN proposal_items pi ON pi.candidate_id = c.id AND pi.decision = 'disetujui'
  JOIN decisions d ON d.proposal_id = pi.proposal_id AND d.reversed_at IS NULL
  WHERE c.kpm_id = k.id)`;
/** The family k holds an award of programme ? that still counts (a cancelled one does not). */
const AWARDED = `(SELECT a.stage FROM awards a WHERE a.program_id = ? AND a.kpm_id = k.id AND a.stage <> 'dibatalkan'
  ORDER BY a.id DESC LIMIT 1)`;

interface Candidate {
  id: number;
  nama: string;
  status: string;
  statusDate: string | null;
  decided: 0 | 1;
  awardedStage: AwardStage | null;
}

/** Why the family may not get an award of the programme now, or null when it may. */
function refusal(program: AwardProgram, family: Candidate): string | null {
  const types = program.graduationTypes;
  const label = (status: string) => STATUS_LABEL[status as KpmStatus]?.toLowerCase() ?? status;
  if (!family.status.startsWith('graduasi_')) return `belum graduasi (status ${label(family.status)})`;
  if (!types.includes(family.status)) {
    return `${label(family.status)}, sedangkan program ini untuk ${types.map(label).join(' atau ')}`;
  }
  if (!family.decided) return 'graduasinya tidak ditetapkan melalui keputusan (SK) yang berlaku';
  const date = family.statusDate ?? '';
  if (date < program.graduatedFrom || date > program.graduatedTo) {
    return `graduasi tanggal ${formatTanggal(date)}, di luar rentang program ${formatTanggal(program.graduatedFrom)} sampai ${formatTanggal(program.graduatedTo)}`;
  }
  if (program.onePerFamily && family.awardedStage) {
    return `sudah mendapat bantuan di program ini (${AWARD_STAGE_LABEL[family.awardedStage]})`;
  }
  return null;
}

/**
 * All or nothing: throws when any family is unknown, chosen twice or ineligible, naming the first few with
 * their reason (every one in `fields`, keyed `kpm.<id>`). Run it inside the plan's write transaction.
 */
export function assertEligible(db: Db, program: AwardProgram, kpmIds: number[]): void {
  const rows = prepareCached(
    db,
    `SELECT k.id, k.nama, k.status, k.status_date AS statusDate, ${DECIDED} AS decided, ${AWARDED} AS awardedStage
     FROM kpm k WHERE k.id IN (SELECT value FROM json_each(?))`,
  ).all(program.id, JSON.stringify(kpmIds)) as Candidate[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<number>();
  const refused: { id: number; label: string; reason: string }[] = [];
  for (const id of kpmIds) {
    const family = byId.get(id);
    const reason = !family ? 'KPM tidak ditemukan' : seen.has(id) ? 'dipilih dua kali' : refusal(program, family);
    seen.add(id);
    if (reason) refused.push({ id, label: family?.nama ?? `KPM #${id}`, reason });
  }
  if (refused.length === 0) return;
  const shown = refused.slice(0, 5).map((r) => `${r.label}: ${r.reason}`);
  const more = refused.length > shown.length ? ` dan ${refused.length - shown.length} lainnya` : '';
  throw new AppError(
    'INVALID_INPUT',
    `${refused.length} dari ${kpmIds.length} KPM tidak memenuhi syarat program "${program.name}"; tidak ada bantuan yang disimpan. ${shown.join('; ')}${more}.`,
    { fields: Object.fromEntries(refused.map((r) => [`kpm.${r.id}`, r.reason])) },
  );
}

/** The graduated families the programme may reward now, by name; q matches the name or the start of the NIK. */
export function listEligible(db: Db, program: AwardProgram, input: PagingInput & { q: string }): Page<EligibleFamily> {
  const types = program.graduationTypes;
  const where = [
    `k.status IN (SELECT value FROM json_each(?))`,
    'k.status_date BETWEEN ? AND ?',
    DECIDED,
    ...(program.onePerFamily ? [`${AWARDED} IS NULL`] : []),
  ];
  const params: unknown[] = [JSON.stringify(types), program.graduatedFrom, program.graduatedTo];
  if (program.onePerFamily) params.push(program.id);
  const q = input.q.trim();
  if (q) {
    where.push(/^\d+$/.test(q) ? 'k.nik LIKE ?' : "k.nama LIKE ? ESCAPE '\\'");
    params.push(/^\d+$/.test(q) ? `${q}%` : `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const from = `FROM kpm k WHERE ${where.join(' AND ')}`;
  const total = (prepareCached(db, `SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const { offset, limit } = pageWindow(input);
  const items = prepareCached(
    db,
    `SELECT k.id AS kpmId, k.nama, k.nik, k.status AS graduation, k.status_date AS graduatedOn,
       coalesce((SELECT name FROM regions WHERE code = k.village_code), '') AS desa,
       coalesce((SELECT name FROM regions WHERE code = k.district_code), '') AS kecamatan
     ${from} ORDER BY k.nama COLLATE NOCASE, k.id LIMIT ? OFFSET ?`,
  ).all(...params, limit, offset) as EligibleFamily[];
  return { items, total, page: input.page, pageSize: input.pageSize };
}
