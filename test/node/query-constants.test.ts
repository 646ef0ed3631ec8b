/**
 * The queries name their closed sets once, from main/domain: an approved proposal item is APPROVED_DECISION, a
 * graduated family GRADUATED_STATUSES, a withdrawn candidacy WITHDRAWN_STAGE, never a literal written again in one
 * query (a renamed value would then be missed there and its figure silently drift, as the workflow states were
 * renamed from Indonesian to English once).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPROVED_ITEM } from '../../db/queries/graduation';
import { AWARD_STAGES, PROGRAM_STATUS } from '../../main/domain/awards';
import { PROPOSAL_OUTCOMES, VISIT_STAGES } from '../../main/domain/exports';
import { CANDIDATE_STAGES, PROPOSAL_STATUS } from '../../main/domain/graduation';

const QUERIES = join(import.meta.dirname, '..', '..', 'db', 'queries');

/** Every workflow state, and the Indonesian words they were stored as before. */
const STATES = [
  ...new Set([
    ...CANDIDATE_STAGES,
    ...PROPOSAL_STATUS,
    ...AWARD_STAGES,
    ...PROGRAM_STATUS,
    ...PROPOSAL_OUTCOMES,
    ...VISIT_STAGES,
  ]),
  ...['calon', 'terverifikasi', 'diusulkan', 'disetujui', 'ditolak', 'dibatalkan', 'diajukan', 'diputuskan'],
  ...['direncanakan', 'diserahkan', 'ditutup', 'sudah', 'belum', 'terlambat'],
];

/**
 * Literals of the closed sets written into a query: an item decision or a stage compared, a graduated status, a
 * workflow state compared, listed or given as a CASE's result.
 */
const LITERALS = [
  /decision\s*(=|<>|IN\s*\()\s*'/i,
  /\bstage\s*(=|<>|IN\s*\(|NOT IN\s*\()\s*'/,
  /'graduasi_(mandiri|alamiah)'/,
  new RegExp(`(=|<>|IN\\s*\\(|THEN|ELSE)\\s*'(${STATES.join('|')})'`, 'i'),
];

/** Comments may name a value; the SQL may not. */
const isComment = (line: string) => /^\s*(\*|\/\*\*|\/\/)/.test(line);

function literalsIn(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (!isComment(line) && LITERALS.some((p) => p.test(line)) ? [`line ${i + 1}`] : []));
}

describe('closed sets in queries', () => {
  it('finds a literal decision or graduated status, and not a parameter', () => {
    expect(literalsIn("JOIN proposal_items pi ON pi.decision = 'approved'")).toEqual(['line 1']);
    expect(literalsIn("WHERE k.status IN ('graduasi_mandiri', 'graduasi_alamiah')")).toEqual(['line 1']);
    expect(literalsIn('JOIN proposal_items pi ON pi.decision = ? AND k.status IN (?, ?)')).toEqual([]);
    expect(literalsIn("WHERE c.stage NOT IN ('cancelled', 'rejected')")).toEqual(['line 1']);
    expect(literalsIn("CASE WHEN pr.status = 'draft' THEN NULL ELSE 'proposed' END")).toEqual(['line 1']);
    expect(literalsIn("SELECT 1 FROM award_programs WHERE status = 'ditutup'")).toEqual(['line 1']);
    expect(literalsIn(`WHEN c.stage = \${WITHDRAWN} THEN \${outcome('cancelled')}`)).toEqual([]);
    expect(literalsIn(" * a withdrawn candidacy is 'cancelled'")).toEqual([]);
    expect(APPROVED_ITEM).toBe("'approved'");
  });

  it('db/queries writes none of them as a literal', () => {
    const found = readdirSync(QUERIES)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => literalsIn(readFileSync(join(QUERIES, name), 'utf8')).map((at) => `${name} ${at}`));
    expect(found).toEqual([]);
  });
});
