/**
 * Award reports: per programme the budget and what each stage holds, the same money by
 * kecamatan, desa, funding source and business type, the recipients, and the year's budget use for the home
 * page. Read-only: nothing here writes or audits.
 *
 * What counts and how it is summed is budget.ts's (countedAwards, addUp), the same as the budget guard's: an
 * award replaced by a correction is left out, a cancelled one is counted as cancelled and carries no money.
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { regionsByCode } from '../../../db/queries/awards';
import { awardPrograms } from '../../../db/schema';
import { AWARD_STAGES, FUNDING_SOURCE_LABEL, type FundingSource } from '../../domain/awards';
import { AppError } from '../../domain/errors';
import { type AwardScope, addUp, type CountedAward, countedAwards, figuresOf, type Sums } from './budget';
import { awardRows } from './list';
import type { AwardReport, AwardRow, BudgetFigures, GroupFigure, ProgramSummary } from './types';

export type ReportFilter = AwardScope;

/** Programme figures added up (each programme's own budget and stages). */
function addFigures(all: BudgetFigures[]): BudgetFigures {
  const total = figuresOf(0);
  for (const f of all) {
    total.budget += f.budget;
    total.planned += f.planned;
    total.approved += f.approved;
    total.handedOver += f.handedOver;
    total.remaining += f.remaining;
    for (const stage of AWARD_STAGES) total.counts[stage] += f.counts[stage];
  }
  return total;
}

function programWhere(filter: ReportFilter): SQL | undefined {
  return and(
    filter.programId !== undefined ? eq(awardPrograms.id, filter.programId) : undefined,
    filter.year !== undefined ? eq(awardPrograms.year, filter.year) : undefined,
  );
}

/** The programmes in the filter, newest year first, each with its budget figures. */
function programSummaries(db: Db, filter: ReportFilter, awards: CountedAward[]): ProgramSummary[] {
  const programs = db
    .select()
    .from(awardPrograms)
    .where(programWhere(filter))
    .orderBy(desc(awardPrograms.year), asc(awardPrograms.name), asc(awardPrograms.id))
    .all();
  const sums = addUp(awards, (a) => a.programId);
  return programs.map((p) => ({ ...p, ...figuresOf(p.budget, sums.get(p.id)) }));
}

/** The groups with money (a group of only cancelled awards is left out), labelled, by label. */
function groupFigures(sums: Map<string, Sums>, label: (key: string) => string): GroupFigure[] {
  return [...sums]
    .filter(([, sum]) => sum.families > 0)
    .map(([key, { families, planned, approved, handedOver }]) => ({
      key,
      label: label(key),
      families,
      planned,
      approved,
      handedOver,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));
}

/** Names of the kecamatan and desa the awards' families live in, with each desa's kecamatan code. */
function regionNames(db: Db, codes: string[]): Map<string, { name: string; parent: string }> {
  return new Map(regionsByCode(db, codes).map((r) => [r.code, r]));
}

/** 'Warung' and ' warung ' are one business, shown as the first spelling in alphabetical order. */
function businessLabels(awards: CountedAward[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const { businessType } of awards) {
    const label = businessType.trim();
    const key = label.toLowerCase();
    const known = labels.get(key);
    if (known === undefined || label < known) labels.set(key, label);
  }
  return labels;
}

export function awardReport(db: Db, filter: ReportFilter): AwardReport {
  const awards = countedAwards(db, filter, { place: true });
  const programs = programSummaries(db, filter, awards);
  if (filter.programId !== undefined && !programs.some((p) => p.id === filter.programId)) {
    // asked for one programme: an unknown one is a mistake to say, not an empty report
    const known = db.select({ id: awardPrograms.id }).from(awardPrograms).where(eq(awardPrograms.id, filter.programId));
    if (!known.get()) throw new AppError('NOT_FOUND', `Program bantuan nomor ${filter.programId} tidak ditemukan.`);
  }
  const byDistrict = addUp(awards, (a) => a.districtCode);
  const byVillage = addUp(awards, (a) => a.villageCode);
  const regions = regionNames(db, [...byDistrict.keys(), ...byVillage.keys()]);
  const name = (code: string) => regions.get(code)?.name ?? code;
  const businesses = businessLabels(awards);
  return {
    programs,
    totals: addFigures(programs),
    byDistrict: groupFigures(byDistrict, name),
    byVillage: groupFigures(byVillage, name)
      .map((figure) => ({ ...figure, district: name(regions.get(figure.key)?.parent ?? '') }))
      .sort((a, b) => a.district.localeCompare(b.district, 'id') || a.label.localeCompare(b.label, 'id')),
    bySource: groupFigures(
      addUp(awards, (a) => a.fundingSource),
      (key) => FUNDING_SOURCE_LABEL[key as FundingSource],
    ),
    byBusiness: groupFigures(
      addUp(awards, (a) => a.businessType.trim().toLowerCase()),
      (key) => businesses.get(key) ?? key,
    ),
  };
}

/** The home page: the year's programmes added up, and how many there are. */
export function budgetUse(db: Db, year: number): BudgetFigures & { programs: number } {
  const programs = programSummaries(db, { year }, countedAwards(db, { year }, { place: false }));
  return { ...addFigures(programs), programs: programs.length };
}

/**
 * The families whose awards use the budget (planned, approved, handed over; not cancelled, not replaced by a
 * correction), as the award list shows them, by programme, kecamatan, desa and name.
 */
export function reportRecipients(db: Db, filter: ReportFilter): AwardRow[] {
  return awardRows(
    db,
    { programId: filter.programId, year: filter.year, countingOnly: true, withoutCancelled: true },
    undefined,
    'report',
  );
}
