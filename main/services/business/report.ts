/**
 * The graduates' business report: per kecamatan and per award programme, how many graduated families there
 * are, how many have a business record, a running business, income at or above the UMK, and how many slipped
 * back (main/domain/business.ts slipReason says exactly when). Figures come from the latest entry of each business.
 */
import type { Db } from '../../../db/open';
import {
  allEntries,
  awardLinks,
  type BusinessFactRow,
  businessFacts,
  type EntryFact,
} from '../../../db/queries/business';
import {
  BUSINESS_DUTIES,
  type BusinessReportFilter,
  type EntryPoint,
  type SlipReason,
  slipReason,
} from '../../domain/business';
import { GRADUATED_STATUSES } from '../../domain/enums';
import { type Actor, ownPendampingId, requireDuty } from '../actor';
import { getUmk } from './settings';

export interface BusinessFigures {
  graduates: number;
  withBusiness: number;
  running: number;
  aboveUmk: number;
  slippedBack: number;
}

export interface BusinessReportRow extends BusinessFigures {
  key: string;
  label: string;
}

export interface SlippedFamily {
  kpmId: number;
  nama: string;
  kecamatan: string;
  reason: SlipReason;
}

export interface BusinessReport {
  umk: number;
  byKecamatan: BusinessReportRow[];
  byProgram: BusinessReportRow[];
  total: BusinessFigures;
  slipped: SlippedFamily[];
}

interface FamilyFigures {
  fact: BusinessFactRow;
  graduated: boolean;
  running: boolean;
  aboveUmk: boolean;
  slip: SlipReason | null;
}

const empty = (): BusinessFigures => ({ graduates: 0, withBusiness: 0, running: 0, aboveUmk: 0, slippedBack: 0 });

function add(into: BusinessFigures, f: FamilyFigures): void {
  if (f.graduated) into.graduates += 1;
  if (f.fact.businessId !== null) into.withBusiness += 1;
  if (f.running) into.running += 1;
  if (f.aboveUmk) into.aboveUmk += 1;
  if (f.slip) into.slippedBack += 1;
}

function entriesByBusiness(rows: EntryFact[]): Map<number, EntryPoint[]> {
  const map = new Map<number, EntryPoint[]>();
  for (const r of rows) {
    const list = map.get(r.businessId) ?? [];
    list.push({ entryDate: r.entryDate, running: r.running === 1, income: r.income });
    map.set(r.businessId, list);
  }
  return map;
}

/** Each family's figures: running and above the UMK read the latest entry, and count only while graduated. */
function familyFigures(db: Db, facts: BusinessFactRow[], umk: number): FamilyFigures[] {
  const entries = entriesByBusiness(allEntries(db));
  return facts.map((fact) => {
    const graduated = (GRADUATED_STATUSES as readonly string[]).includes(fact.status);
    const list = fact.businessId === null ? [] : (entries.get(fact.businessId) ?? []);
    const latest = list.at(-1);
    return {
      fact,
      graduated,
      running: graduated && latest?.running === true,
      aboveUmk: graduated && umk > 0 && latest !== undefined && latest.income >= umk,
      slip: fact.businessId === null ? null : slipReason(list, umk, fact.status),
    };
  });
}

function grouped(figures: FamilyFigures[], keysOf: (f: FamilyFigures) => [string, string][]): BusinessReportRow[] {
  const rows = new Map<string, BusinessReportRow>();
  for (const f of figures) {
    for (const [key, label] of keysOf(f)) {
      const row = rows.get(key) ?? { key, label, ...empty() };
      add(row, f);
      rows.set(key, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.label.localeCompare(b.label, 'id'));
}

export function businessReport(db: Db, actor: Actor, filter: BusinessReportFilter): BusinessReport {
  requireDuty(actor, BUSINESS_DUTIES.view, 'melihat laporan usaha keluarga graduasi');
  const umk = getUmk(db);
  const facts = businessFacts(db, { districtCode: filter.districtCode, pendampingId: ownPendampingId(actor) });
  let figures = familyFigures(db, facts, umk);
  const links = awardLinks(db, filter.programId);
  const programsOf = new Map<number, [string, string][]>();
  for (const l of links)
    programsOf.set(l.kpmId, [...(programsOf.get(l.kpmId) ?? []), [String(l.programId), l.programName]]);
  if (filter.programId) figures = figures.filter((f) => programsOf.has(f.fact.kpmId));
  const total = empty();
  for (const f of figures) add(total, f);
  return {
    umk,
    byKecamatan: grouped(figures, (f) => [[f.fact.districtCode, f.fact.kecamatan]]),
    byProgram: grouped(figures, (f) => programsOf.get(f.fact.kpmId) ?? [['0', 'Tanpa bantuan usaha']]),
    total,
    slipped: figures
      .filter((f) => f.slip !== null)
      .map((f) => ({
        kpmId: f.fact.kpmId,
        nama: f.fact.nama,
        kecamatan: f.fact.kecamatan,
        reason: f.slip as SlipReason,
      })),
  };
}
