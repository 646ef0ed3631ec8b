/**
 * Why a family in a search result matched the typed text, for the line under its name: a member's name, the
 * address, the desa, or which identity number. Worked out for one page (at most a few hundred families) after
 * the search, so the search's own plan stays as measured. Numbers are named, never repeated: a NIK shown here
 * would pass the dispatcher's masking, which goes by property name.
 */
import type { Db } from '../../db/open';
import { familyIdDtks, memberWithNikStarting, memberNames as namesOfMembers } from '../../db/queries/kpm';

interface MatchedRow {
  id: number;
  idKpm: string | null;
  nik: string;
  noKk: string;
  nama: string;
  alamat: string;
  villageName: string;
}

const lower = (text: string) => text.toLocaleLowerCase('id-ID');

/** The words the search matched as pieces (see textMatch in kpm-search.ts): words of 3+ letters, else the whole. */
function pieces(q: string): string[] {
  const terms = q.split(/\s+/).filter(Boolean);
  return (terms.every((t) => t.length >= 3) ? terms : [q]).map(lower);
}

function identityReason(db: Db, row: MatchedRow, compact: string): string | null {
  const starts = (value: string | null) => value?.toUpperCase().startsWith(compact) === true;
  if (starts(row.nik)) return null; // the pengurus's NIK is in the row already
  if (starts(row.noKk)) return 'No. KK';
  if (starts(row.idKpm)) return null;
  const dtks = familyIdDtks(db, row.id);
  if (starts(dtks)) return 'ID DTKS';
  const member = memberWithNikStarting(db, row.id, compact);
  return member ? `NIK anggota ${member}` : null;
}

function textReason(db: Db, row: MatchedRow, words: string[]): string | null {
  const reasons: string[] = [];
  const members = () => namesOfMembers(db, row.id);
  let memberNames: string[] | null = null;
  for (const word of words) {
    if (lower(row.nama).includes(word)) continue;
    memberNames ??= members();
    const member = memberNames.find((name) => lower(name).includes(word));
    const reason = member
      ? `anggota ${member}`
      : lower(row.alamat).includes(word)
        ? `alamat ${row.alamat}`
        : lower(row.villageName).includes(word)
          ? `desa ${row.villageName}`
          : null;
    if (reason && !reasons.includes(reason)) reasons.push(reason);
  }
  return reasons.length > 0 ? reasons.join('; ') : null;
}

/** The reason per family id; families found by their pengurus's own name or number get none (it is shown). */
export function matchReasons(db: Db, q: string, rows: readonly MatchedRow[]): Map<number, string | null> {
  const text = q.trim();
  const reasons = new Map<number, string | null>();
  if (text.length === 0) return reasons;
  const compact = text.replace(/[\s.]/g, '').toUpperCase();
  const identity = /^[A-Z]{0,3}\d{4,}$/.test(compact);
  for (const row of rows) {
    reasons.set(row.id, identity ? identityReason(db, row, compact) : textReason(db, row, pieces(text)));
  }
  return reasons;
}
