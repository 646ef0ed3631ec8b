/**
 * The queries name their closed sets once, from main/domain: an approved proposal item is APPROVED_DECISION and a
 * graduated family GRADUATED_STATUSES, never a literal written again in one query (a renamed value would then be
 * missed there and its figure silently drift).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPROVED_ITEM } from '../../db/queries/graduation';

const QUERIES = join(import.meta.dirname, '..', '..', 'db', 'queries');

/** Literals of the graduation sets written into a query: an item decision compared, a graduated status. */
const LITERALS = [/decision\s*(=|<>|IN\s*\()\s*'/i, /'graduasi_(mandiri|alamiah)'/];

function literalsIn(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (LITERALS.some((p) => p.test(line)) ? [`line ${i + 1}`] : []));
}

describe('closed sets in queries', () => {
  it('finds a literal decision or graduated status, and not a parameter', () => {
    expect(literalsIn("JOIN proposal_items pi ON pi.decision = 'disetujui'")).toEqual(['line 1']);
    expect(literalsIn("WHERE k.status IN ('graduasi_mandiri', 'graduasi_alamiah')")).toEqual(['line 1']);
    expect(literalsIn('JOIN proposal_items pi ON pi.decision = ? AND k.status IN (?, ?)')).toEqual([]);
    expect(APPROVED_ITEM).toBe("'disetujui'");
  });

  it('db/queries writes none of them as a literal', () => {
    const found = readdirSync(QUERIES)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => literalsIn(readFileSync(join(QUERIES, name), 'utf8')).map((at) => `${name} ${at}`));
    expect(found).toEqual([]);
  });
});
