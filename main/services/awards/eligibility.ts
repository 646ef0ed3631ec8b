/**
 * Which graduated families a programme may reward, one rule for the eligible list and the
 * plan: the family's status is one of the programme's graduation types, it came through an approved decision
 * that was not reversed (as graduationOf in documents/eligibility.ts), its status date lies within the
 * programme's range, and (one award per family) it has no award in the programme that is not cancelled.
 */
import type { Db } from '../../../db/open';
import { eligibilityFacts, eligibleFamilies } from '../../../db/queries/award-eligibility';
import type { AwardProgram } from '../../../db/schema';
import { AWARD_STAGE_LABEL, type AwardStage } from '../../domain/awards';
import { type KpmStatus, STATUS_LABEL } from '../../domain/enums';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import { type Page, type PagingInput, pageWindow } from '../../domain/paging';
import type { EligibleFamily } from './types';

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
  const rows = eligibilityFacts<Candidate>(db, program.id, kpmIds);
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
  const terms = {
    programId: program.id,
    graduationTypes: program.graduationTypes,
    graduatedFrom: program.graduatedFrom,
    graduatedTo: program.graduatedTo,
    onePerFamily: program.onePerFamily,
  };
  const { items, total } = eligibleFamilies<EligibleFamily>(db, terms, input.q.trim(), pageWindow(input));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
