/** What the monthly evaluation reads from the graduates' businesses. */
import type { Db } from '../../../db/open';
import { type FollowUpRecordCount, followUpRecordCounts } from '../../../db/queries/business';
import { monthBounds } from '../../domain/dates';

export type { FollowUpRecordCount };

/**
 * Business entries recorded from follow-up visits in a month ('2026-11'), per the family's pendamping: `records`
 * entries for `families` distinct families, dated (the visit's date) within the month. Pendamping without any
 * are absent; families without a pendamping come as pendampingId null.
 */
export function businessFollowUpsByPendamping(db: Db, month: string): FollowUpRecordCount[] {
  const { first, last } = monthBounds(`${month}-01`);
  return followUpRecordCounts(db, first, last);
}
