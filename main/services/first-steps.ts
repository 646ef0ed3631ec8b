/**
 * The first steps of a new office, each with whether it is done, for Beranda: a fresh installation otherwise
 * opens on empty cards with nothing saying where to begin.
 */
import type { Db } from '../../db/open';
import { firstStepFacts } from '../../db/queries/office';

export type FirstStepKey = 'profile' | 'users' | 'pendamping' | 'import' | 'targets';

export interface FirstStep {
  key: FirstStepKey;
  done: boolean;
}

/** In the order they are best done: letters need the profile, the import needs pendamping, targets need both. */
export function firstSteps(db: Db, year: number): FirstStep[] {
  const done = firstStepFacts(db, year);
  const order: FirstStepKey[] = ['profile', 'users', 'pendamping', 'import', 'targets'];
  return order.map((key) => ({ key, done: done[key] }));
}
