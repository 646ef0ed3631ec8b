/**
 * The graduasi alamiah scan: every active family's komponen derived from its members' birth
 * dates as of a chosen date (main/domain/komponen-rules.ts). Families left with none are alamiah candidates;
 * families whose komponen change are listed for a look. One prepared statement reads only the columns the rules
 * need, kpm joined with art in family order, and a tight loop derives each family as its rows go by.
 */

import type { Db } from '../../../db/open';
import { inTransaction } from '../../../db/open';
import {
  activeFamiliesWithMembers,
  familiesWithOpenCandidacy,
  familyNames,
  memberNamesById,
} from '../../../db/queries/candidates';
import { CANDIDATE_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import { formatTanggal } from '../../domain/format';
import type { Komponen } from '../../domain/komponen';
import { deriveFamilyKomponen, type KomponenPerson } from '../../domain/komponen-rules';
import type { Page, PagingInput } from '../../domain/paging';
import { type Actor, requireRole } from '../actor';
import { type FamilyFilters, insertCandidates } from './candidates';

export type ScanView = 'alamiah' | 'berubah';

export interface AlamiahScanInput extends FamilyFilters, PagingInput {
  onDate: string;
  view: ScanView;
  /** At most this many people with a komponen on the date (0 = none left). */
  maxKomponen: number | null;
}

interface PersonRow extends KomponenPerson {
  /** art id; null for the pengurus. */
  artId: number | null;
}

/** One family the scan lists; names are filled in for the page only. */
export interface ScanHit {
  kpmId: number;
  alamiah: boolean;
  /** People with a komponen on the date. */
  komponenCount: number;
  changes: { artId: number | null; recorded: Komponen | null; derived: Komponen | null }[];
}

export interface AlamiahRow extends ScanHit {
  idKpm: string | null;
  nama: string;
  tahunBergabung: number | null;
  pendampingName: string | null;
  districtName: string | null;
  villageName: string | null;
  changes: (ScanHit['changes'][number] & { name: string })[];
}

export interface AlamiahScan extends Page<AlamiahRow> {
  /** Across the filters, before the view: how many alamiah and how many changing families. */
  alamiahTotal: number;
  changedTotal: number;
}

/**
 * Runs the rules over every active family matching the filters that has no open candidacy. Returns the
 * families of interest (alamiah or with changes), in id order. Members come in the order of art_kpm_idx
 * (kpm_id, id); the rules do not depend on it.
 */
export function scanFamilies(db: Db, input: Omit<AlamiahScanInput, 'page' | 'pageSize' | 'view'>): ScanHit[] {
  const rows = activeFamiliesWithMembers(db, input, Number(input.onDate.slice(0, 4)));
  const open = familiesWithOpenCandidacy(db);
  const hits: ScanHit[] = [];
  let currentId = -1;
  let people: PersonRow[] = [];
  const flush = () => {
    if (currentId < 0 || open.has(currentId)) return;
    const family = deriveFamilyKomponen(people, input.onDate);
    let count = 0;
    for (const d of family.derived) if (d.komponen) count++;
    if (input.maxKomponen !== null && count > input.maxKomponen) return;
    if (!family.alamiah && family.changes.length === 0) return;
    hits.push({
      kpmId: currentId,
      alamiah: family.alamiah,
      komponenCount: count,
      changes: family.changes.map((c) => ({ artId: c.person.artId, recorded: c.recorded, derived: c.derived })),
    });
  };
  for (const row of rows) {
    const id = row[0] as number;
    if (id !== currentId) {
      flush();
      currentId = id;
      people = [{ artId: null, tanggalLahir: row[1] as string | null, komponen: row[2] as Komponen | null }];
    }
    if (row[3] !== null) {
      people.push({
        artId: row[3] as number,
        tanggalLahir: row[4] as string | null,
        komponen: row[5] as Komponen | null,
      });
    }
  }
  flush();
  return hits;
}

/** The names a page of hits shows: one query for the families, one for the changed members. */
function withNames(db: Db, hits: ScanHit[]): AlamiahRow[] {
  if (hits.length === 0) return [];
  const ids = hits.map((h) => h.kpmId);
  const families = new Map(familyNames(db, ids).map((f) => [f.id, f]));
  const artIds = hits.flatMap((h) => h.changes.flatMap((c) => (c.artId === null ? [] : [c.artId])));
  const memberNames = new Map(artIds.length === 0 ? [] : memberNamesById(db, artIds).map((m) => [m.id, m.nama]));
  return hits.map((hit) => {
    const family = families.get(hit.kpmId);
    if (!family) throw new AppError('NOT_FOUND', 'KPM tidak ditemukan.');
    const { id: _id, ...names } = family;
    const changes = hit.changes.map((c) => ({
      ...c,
      name: c.artId === null ? family.nama : (memberNames.get(c.artId) ?? ''),
    }));
    return { ...hit, ...names, changes };
  });
}

export function alamiahScan(db: Db, input: AlamiahScanInput): AlamiahScan {
  const hits = scanFamilies(db, input);
  const alamiahTotal = hits.reduce((n, h) => n + (h.alamiah ? 1 : 0), 0);
  const shown = hits.filter((h) => (input.view === 'alamiah' ? h.alamiah : !h.alamiah));
  const start = (input.page - 1) * input.pageSize;
  return {
    items: withNames(db, shown.slice(start, start + input.pageSize)),
    total: shown.length,
    page: input.page,
    pageSize: input.pageSize,
    alamiahTotal,
    changedTotal: hits.length - alamiahTotal,
  };
}

/**
 * Adds the chosen alamiah families (or every alamiah family the filters match) as candidates in one
 * transaction. The scan runs again inside it, so only families that are alamiah on the date are added.
 */
export function addAlamiahCandidates(
  db: Db,
  actor: Actor,
  input: Omit<AlamiahScanInput, 'page' | 'pageSize' | 'view'> & { kpmIds: number[] | 'semua' },
): { added: number } {
  requireRole(actor, CANDIDATE_DUTIES.edit);
  return inTransaction(db, () => {
    const alamiah = new Set(
      scanFamilies(db, input)
        .filter((h) => h.alamiah)
        .map((h) => h.kpmId),
    );
    const chosen = input.kpmIds === 'semua' ? [...alamiah] : input.kpmIds;
    if (chosen.length === 0) throw new AppError('INVALID_INPUT', 'Pilih minimal satu keluarga.');
    const notAlamiah = chosen.filter((id) => !alamiah.has(id));
    if (notAlamiah.length > 0) {
      throw new AppError(
        'CONFLICT',
        `${notAlamiah.length} keluarga yang dipilih masih memiliki komponen per ${formatTanggal(input.onDate)} atau sudah menjadi calon. Muat ulang daftar.`,
      );
    }
    const reason = `Tidak ada komponen tersisa per ${formatTanggal(input.onDate)}`;
    insertCandidates(
      db,
      actor,
      chosen.map((kpmId) => ({ kpmId, kind: 'alamiah', reasons: [reason], notes: '' })),
      'hasil pemindaian alamiah',
    );
    return { added: chosen.length };
  });
}
