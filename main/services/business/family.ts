/** One family's business page: the business, its latest figures against the UMK, and the timeline newest first. */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { familyTimeline, type TimelineRow } from '../../../db/queries/business';
import { type Business, type BusinessEntry, businessEntries, businesses } from '../../../db/schema';
import { type SlipReason, slipReason, type UmkStanding, umkStanding } from '../../domain/business';
import type { Actor } from '../actor';
import { visibleFamily } from './access';
import { getUmk } from './settings';

export interface FamilyBusiness {
  kpmId: number;
  nama: string;
  status: string;
  umk: number;
  business: Business | null;
  latest: BusinessEntry | null;
  standing: UmkStanding | null;
  slipReason: SlipReason | null;
  timeline: TimelineRow[];
}

export function familyBusiness(db: Db, actor: Actor, kpmId: number): FamilyBusiness {
  const family = visibleFamily(db, actor, kpmId);
  const umk = getUmk(db);
  const business = db.select().from(businesses).where(eq(businesses.kpmId, kpmId)).get() ?? null;
  const entries = business
    ? db
        .select()
        .from(businessEntries)
        .where(eq(businessEntries.businessId, business.id))
        .orderBy(businessEntries.entryDate, businessEntries.id)
        .all()
    : [];
  const latest = entries.at(-1) ?? null;
  return {
    kpmId,
    nama: family.nama,
    status: family.status,
    umk,
    business,
    latest,
    standing: latest ? umkStanding(latest.income, umk) : null,
    slipReason: business ? slipReason(entries, umk, family.status) : null,
    timeline: familyTimeline(db, kpmId),
  };
}

/** The business entries of a family, newest first (the history the form shows under the figures). */
export function entryHistory(db: Db, businessId: number): BusinessEntry[] {
  return db
    .select()
    .from(businessEntries)
    .where(eq(businessEntries.businessId, businessId))
    .orderBy(desc(businessEntries.entryDate), desc(businessEntries.id))
    .all();
}
