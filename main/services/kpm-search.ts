/**
 * The KPM list's search: the families the query finds (db/queries/kpm-search.ts, where the plan is explained), each
 * with why it matched when that is not the pengurus's own name or number.
 */
import type { Db } from '../../db/open';
import { type KpmListRow, type KpmPage, searchPage } from '../../db/queries/kpm-search';
import type { KpmSearchInput } from '../domain/schemas';
import type { Actor } from './actor';
import { matchReasons } from './kpm-match-reason';
import { scopedPendampingFilter } from './own-families';

export {
  buildSearchQuery,
  pageSqlFor,
  prepareCached,
  villagesNamed,
  withSearchIndexPaused,
} from '../../db/queries/kpm-search';
export type { KpmListRow, KpmPage };

/** The list as the actor may see it: a pendamping account's search runs over its own families only. */
export function searchKpmFor(db: Db, actor: Actor, input: KpmSearchInput): KpmPage {
  return searchKpm(db, { ...input, pendampingId: scopedPendampingFilter(actor, input.pendampingId) });
}

export function searchKpm(db: Db, input: KpmSearchInput): KpmPage {
  const { rows, total } = searchPage(db, input);
  const reasons = matchReasons(db, input.q, rows);
  const items = reasons.size === 0 ? rows : rows.map((row) => ({ ...row, matchedBy: reasons.get(row.id) ?? null }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
