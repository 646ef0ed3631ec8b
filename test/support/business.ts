/** Graduated families with businesses for the business tests: a small office, its pendamping and a pendamping account. */
import type { Db } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { setUpOffice } from '../node/helpers';
import { addFamilies, addPendamping, decideGraduations } from './graduation';

export const TODAY = '2026-06-20';

export interface BusinessOffice {
  db: Db;
  admin: Actor;
  rina: number;
  dedi: number;
  /** RINA's pendamping account. */
  rinaAccount: Actor;
  /** Graduated on 31 January 2026 (RINA: 6 in 337501; DEDI: 6 in 337502). */
  rinaGrads: number[];
  dediGrads: number[];
  /** Still aktif. */
  rinaActive: number[];
}

export async function businessOffice(): Promise<BusinessOffice> {
  const { db, admin } = await setUpOffice();
  const rina = addPendamping(db, 'RINA');
  const dedi = addPendamping(db, 'DEDI');
  const rinaGrads = addFamilies(db, { count: 6, pendampingId: rina, districtCode: '337501' });
  const dediGrads = addFamilies(db, { count: 6, pendampingId: dedi, districtCode: '337502' });
  const rinaActive = addFamilies(db, { count: 2, pendampingId: rina, districtCode: '337501' });
  decideGraduations(db, { kpmIds: [...rinaGrads, ...dediGrads], skDate: '2026-01-31' });
  const rinaAccount: Actor = { id: null, username: 'rina', role: 'pendamping', pendampingId: rina };
  return { db, admin, rina, dedi, rinaAccount, rinaGrads, dediGrads, rinaActive };
}

export const entry = (entryDate: string, income: number, running = true) => ({
  entryDate,
  running,
  turnover: income * 3,
  income,
  notes: '',
});
