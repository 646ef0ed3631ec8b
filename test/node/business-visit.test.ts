import { describe, expect, it } from 'vitest';
import { visitRecordSchema } from '../../main/domain/progress';
import { familyBusiness } from '../../main/services/business/family';
import { businessFollowUpsByPendamping } from '../../main/services/business/monthly';
import { recordVisit } from '../../main/services/graduation/visits';
import { businessOffice, TODAY } from '../support/business';

/** The family's first follow-up visit (3 months after the SK of 31 January 2026: due 30 April). */
function firstVisit(db: import('../../db/open').Db, kpmId: number): number {
  return db.$client
    .prepare('SELECT id FROM follow_up_visits WHERE kpm_id = ? ORDER BY months_after LIMIT 1')
    .pluck()
    .get(kpmId) as number;
}

const visitInput = (id: number, business?: Record<string, unknown>, visitedDate = '2026-05-04') =>
  visitRecordSchema.parse({
    id,
    visitedDate,
    visitorName: 'Rina Marlina',
    businessRunning: true,
    incomeBand: 'naik',
    slippedBack: false,
    notes: 'Warung ramai.',
    business,
  });

const counts = (db: import('../../db/open').Db) =>
  db.$client
    .prepare(
      `SELECT (SELECT count(*) FROM businesses) AS businesses, (SELECT count(*) FROM business_entries) AS entries,
         (SELECT count(*) FROM follow_up_visits WHERE visited_date IS NOT NULL) AS visited,
         (SELECT count(*) FROM audit_log WHERE entity IN ('business', 'follow_up_visit')) AS audits`,
    )
    .get();

describe('the follow-up visit with its business section', () => {
  it('saves the visit, the business and a dated entry linked to the visit, shown in the timeline', async () => {
    const o = await businessOffice();
    const kpmId = o.rinaGrads[0];
    const visitId = firstVisit(o.db, kpmId);
    const business = { type: 'makanan_minuman', startDate: '2026-02-10', turnover: 6_000_000, income: 2_400_000 };
    recordVisit(o.db, o.admin, visitInput(visitId, business), TODAY);
    expect(counts(o.db)).toEqual({ businesses: 1, entries: 1, visited: 1, audits: 2 });
    const page = familyBusiness(o.db, o.admin, kpmId);
    expect(page.latest).toMatchObject({ entryDate: '2026-05-04', running: true, income: 2_400_000, visitId });
    expect(page.timeline.map((t) => [t.kind, t.date])).toEqual([
      ['catatan_usaha', '2026-05-04'],
      ['kunjungan', '2026-05-04'],
      ['usaha', '2026-02-10'],
    ]);
  });

  it('leaves neither the visit nor the business when the business is refused', async () => {
    const o = await businessOffice();
    const visitId = firstVisit(o.db, o.rinaGrads[0]);
    // The business started after the visit: the entry (dated the visit's day) would precede it.
    const business = { type: 'jasa', startDate: '2026-05-10', turnover: 1, income: 1 };
    expect(() => recordVisit(o.db, o.admin, visitInput(visitId, business), TODAY)).toThrow(
      /sebelum tanggal mulai usaha/,
    );
    expect(counts(o.db)).toEqual({ businesses: 0, entries: 0, visited: 0, audits: 0 });
  });

  it('records a visit without a business section as before', async () => {
    const o = await businessOffice();
    recordVisit(o.db, o.admin, visitInput(firstVisit(o.db, o.rinaGrads[0])), TODAY);
    expect(counts(o.db)).toEqual({ businesses: 0, entries: 0, visited: 1, audits: 1 });
  });

  it('counts the business records made from visits per pendamping and month, for the monthly evaluation', async () => {
    const o = await businessOffice();
    const business = { type: 'jasa', startDate: '2026-02-01', turnover: 3_000_000, income: 1_000_000 };
    recordVisit(o.db, o.admin, visitInput(firstVisit(o.db, o.rinaGrads[0]), business, '2026-05-01'), TODAY);
    recordVisit(o.db, o.admin, visitInput(firstVisit(o.db, o.rinaGrads[1]), business, '2026-05-31'), TODAY);
    recordVisit(o.db, o.admin, visitInput(firstVisit(o.db, o.dediGrads[0]), business, '2026-06-01'), TODAY);
    // A visit of the same family later in May: two records, one family.
    const second = o.db.$client
      .prepare('SELECT id FROM follow_up_visits WHERE kpm_id = ? ORDER BY months_after LIMIT 1 OFFSET 1')
      .pluck()
      .get(o.rinaGrads[0]) as number;
    recordVisit(o.db, o.admin, visitInput(second, business, '2026-05-20'), TODAY);
    expect(businessFollowUpsByPendamping(o.db, '2026-05')).toEqual([{ pendampingId: o.rina, records: 3, families: 2 }]);
    expect(businessFollowUpsByPendamping(o.db, '2026-06')).toEqual([{ pendampingId: o.dedi, records: 1, families: 1 }]);
    expect(businessFollowUpsByPendamping(o.db, '2026-04')).toEqual([]);
  });
});
