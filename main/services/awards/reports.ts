/**
 * Award reports (issue 9 point 7): per programme the budget and what each stage holds, the same money by
 * kecamatan, desa, funding source and business type, the recipients, and the year's budget use for the home
 * page. Read-only: nothing here writes or audits.
 *
 * What counts: an award that is not dibatalkan and not replaced by a correction (another award has
 * corrects_award_id = its id). `stageSums` is the one query that applies that rule and sums the money.
 */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { awardPrograms } from '../../../db/schema';
import { AWARD_STAGES, type AwardStage, FUNDING_SOURCE_LABEL, type FundingSource } from '../../domain/awards';
import type { AwardReport, BudgetFigures, GroupFigure, ProgramSummary } from './types';

export interface ReportFilter {
  year?: number;
  programId?: number;
}

/** How stageSums groups: the key, its label and the joins that need. Fixed SQL, never user input. */
const GROUPINGS = {
  program: { key: 'a.program_id', label: 'min(p.name)', parent: "''", joins: '' },
  district: {
    key: 'k.district_code',
    label: 'min(d.name)',
    parent: "''",
    joins: 'JOIN kpm k ON k.id = a.kpm_id JOIN regions d ON d.code = k.district_code',
  },
  village: {
    key: 'k.village_code',
    label: 'min(v.name)',
    parent: 'min(d.name)',
    joins:
      'JOIN kpm k ON k.id = a.kpm_id JOIN regions d ON d.code = k.district_code JOIN regions v ON v.code = k.village_code',
  },
  source: { key: 'p.funding_source', label: 'p.funding_source', parent: "''", joins: '' },
  // Business type is typed free text: 'Warung' and ' warung' are one business.
  business: { key: 'lower(trim(a.business_type))', label: 'min(trim(a.business_type))', parent: "''", joins: '' },
} as const;
type Grouping = keyof typeof GROUPINGS;

/**
 * The one rule of what counts, as the WHERE over `awards a JOIN award_programs p`, with the filter: an award
 * replaced by a correction never counts; a cancelled one only when asked (it is counted, it carries no money).
 */
function countedAwards(filter: ReportFilter, options: { cancelled: boolean }): { where: string; params: number[] } {
  const where = ['NOT EXISTS (SELECT 1 FROM awards c WHERE c.corrects_award_id = a.id)'];
  if (!options.cancelled) where.push("a.stage <> 'dibatalkan'");
  const params: number[] = [];
  if (filter.programId !== undefined) {
    where.push('a.program_id = ?');
    params.push(filter.programId);
  }
  if (filter.year !== undefined) {
    where.push('p.year = ?');
    params.push(filter.year);
  }
  return { where: where.join(' AND '), params };
}

interface SumRow {
  key: string | number;
  label: string;
  parent: string;
  families: number;
  planned: number;
  approved: number;
  handedOver: number;
  direncanakan: number;
  disetujui: number;
  diserahkan: number;
  dibatalkan: number;
}

/**
 * The money of the counted awards per stage, grouped. Cancelled awards carry no money but are counted (a
 * programme shows how many were cancelled); awards replaced by a correction are left out entirely, so a
 * corrected award counts once, as corrected. Families are distinct families with an award that uses budget.
 */
export function stageSums(db: Db, filter: ReportFilter, grouping: Grouping): SumRow[] {
  const g = GROUPINGS[grouping];
  const { where, params } = countedAwards(filter, { cancelled: true });
  const sql = `
    SELECT ${g.key} AS key, ${g.label} AS label, ${g.parent} AS parent,
      count(DISTINCT CASE WHEN a.stage <> 'dibatalkan' THEN a.kpm_id END) AS families,
      coalesce(sum(CASE WHEN a.stage = 'direncanakan' THEN a.total END), 0) AS planned,
      coalesce(sum(CASE WHEN a.stage = 'disetujui' THEN a.total END), 0) AS approved,
      coalesce(sum(CASE WHEN a.stage = 'diserahkan' THEN a.total END), 0) AS handedOver,
      ${AWARD_STAGES.map((s) => `sum(a.stage = '${s}') AS ${s}`).join(', ')}
    FROM awards a JOIN award_programs p ON p.id = a.program_id ${g.joins}
    WHERE ${where}
    GROUP BY ${g.key}`;
  return db.$client.prepare(sql).all(...params) as SumRow[];
}

const noCounts = (): Record<AwardStage, number> =>
  Object.fromEntries(AWARD_STAGES.map((s) => [s, 0])) as Record<AwardStage, number>;

function figures(budget: number, row: SumRow | undefined): BudgetFigures {
  const planned = row?.planned ?? 0;
  const approved = row?.approved ?? 0;
  const handedOver = row?.handedOver ?? 0;
  const counts = noCounts();
  for (const stage of AWARD_STAGES) counts[stage] = row?.[stage] ?? 0;
  return { budget, planned, approved, handedOver, remaining: budget - planned - approved - handedOver, counts };
}

/** Programme figures added up (each programme's own budget and stages). */
function addFigures(all: BudgetFigures[]): BudgetFigures {
  const total = figures(0, undefined);
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
export function programSummaries(db: Db, filter: ReportFilter): ProgramSummary[] {
  const programs = db
    .select()
    .from(awardPrograms)
    .where(programWhere(filter))
    .orderBy(desc(awardPrograms.year), asc(awardPrograms.name), asc(awardPrograms.id))
    .all();
  const sums = new Map(stageSums(db, filter, 'program').map((row) => [Number(row.key), row]));
  return programs.map((p) => ({ ...p, ...figures(p.budget, sums.get(p.id)) }));
}

function groupFigures(db: Db, filter: ReportFilter, grouping: Grouping, label = (row: SumRow) => row.label) {
  return stageSums(db, filter, grouping)
    .filter((row) => row.families > 0)
    .map((row) => ({
      key: String(row.key),
      label: label(row),
      families: row.families,
      planned: row.planned,
      approved: row.approved,
      handedOver: row.handedOver,
      parent: row.parent,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'id'));
}

const withoutParent = ({ parent: _, ...figure }: GroupFigure & { parent: string }): GroupFigure => figure;

export function awardReport(db: Db, filter: ReportFilter): AwardReport {
  const programs = programSummaries(db, filter);
  return {
    programs,
    totals: addFigures(programs),
    byDistrict: groupFigures(db, filter, 'district').map(withoutParent),
    byVillage: groupFigures(db, filter, 'village')
      .map(({ parent, ...figure }) => ({ ...figure, district: parent }))
      .sort((a, b) => a.district.localeCompare(b.district, 'id') || a.label.localeCompare(b.label, 'id')),
    bySource: groupFigures(db, filter, 'source', (row) => FUNDING_SOURCE_LABEL[row.label as FundingSource]).map(
      withoutParent,
    ),
    byBusiness: groupFigures(db, filter, 'business').map(withoutParent),
  };
}

/** The home page: the year's programmes added up, and how many there are. */
export function budgetUse(db: Db, year: number): BudgetFigures & { programs: number } {
  const programs = programSummaries(db, { year });
  return { ...addFigures(programs), programs: programs.length };
}

/** One line of the recipients list (the Penerima sheet and the printed list). */
export interface RecipientRow {
  programName: string;
  nama: string;
  nik: string;
  desa: string;
  kecamatan: string;
  businessType: string;
  /** '2 x Etalase kaca; 1 x Kompor gas' */
  goods: string;
  cash: number;
  total: number;
  stage: AwardStage;
  handoverDate: string | null;
  bastNumber: string | null;
}

/**
 * The families whose awards use the budget (planned, approved, handed over; not cancelled, not replaced by
 * a correction), by programme, kecamatan, desa and name.
 */
export function reportRecipients(db: Db, filter: ReportFilter): RecipientRow[] {
  const { where, params } = countedAwards(filter, { cancelled: false });
  const sql = `
    SELECT p.name AS programName, k.nama, k.nik, v.name AS desa, d.name AS kecamatan,
      a.business_type AS businessType, a.cash, a.total, a.stage, a.handover_date AS handoverDate,
      doc.number AS bastNumber,
      (SELECT coalesce(group_concat(l.quantity || ' x ' || l.item_name, '; ' ORDER BY l.line_no), '')
         FROM award_lines l WHERE l.award_id = a.id) AS goods
    FROM awards a
      JOIN award_programs p ON p.id = a.program_id
      JOIN kpm k ON k.id = a.kpm_id
      JOIN regions d ON d.code = k.district_code
      JOIN regions v ON v.code = k.village_code
      LEFT JOIN documents doc ON doc.id = a.bast_document_id
    WHERE ${where}
    ORDER BY p.year DESC, p.name, p.id, d.name, v.name, k.nama COLLATE NOCASE, a.id`;
  return db.$client.prepare(sql).all(...params) as RecipientRow[];
}
