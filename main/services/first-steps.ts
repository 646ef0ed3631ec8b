/**
 * The first steps of a new office, each with whether it is done, for Beranda: a fresh installation otherwise
 * opens on empty cards with nothing saying where to begin.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';

export type FirstStepKey = 'profile' | 'users' | 'pendamping' | 'import' | 'targets';

export interface FirstStep {
  key: FirstStepKey;
  done: boolean;
}

const one = (db: Db, query: ReturnType<typeof sql>) => Boolean(db.get<{ yes: number }>(query)?.yes);

/** In the order they are best done: letters need the profile, the import needs pendamping, targets need both. */
export function firstSteps(db: Db, year: number): FirstStep[] {
  return [
    // The wizard asks only for what it needs; the kop of every letter also wants the phone and e-mail.
    { key: 'profile', done: one(db, sql`SELECT phone <> '' AND email <> '' AS yes FROM office LIMIT 1`) },
    { key: 'users', done: one(db, sql`SELECT count(*) > 1 AS yes FROM users WHERE active = 1`) },
    { key: 'pendamping', done: one(db, sql`SELECT EXISTS (SELECT 1 FROM pendamping) AS yes`) },
    { key: 'import', done: one(db, sql`SELECT EXISTS (SELECT 1 FROM kpm) AS yes`) },
    {
      key: 'targets',
      done: one(db, sql`SELECT EXISTS (SELECT 1 FROM graduation_targets WHERE year = ${year}) AS yes`),
    },
  ];
}
