/** Queries about the office's setup as a whole: what a new office has done so far. */
import { sql } from 'drizzle-orm';
import type { Db } from '../open';

const one = (db: Db, query: ReturnType<typeof sql>) => Boolean(db.get<{ yes: number }>(query)?.yes);

/** Whether each first step of a new office is done (see services/first-steps.ts for their order). */
export function firstStepFacts(db: Db, year: number) {
  return {
    // The wizard asks only for what it needs; the kop of every letter also wants the phone and e-mail.
    profile: one(db, sql`SELECT phone <> '' AND email <> '' AS yes FROM office LIMIT 1`),
    users: one(db, sql`SELECT count(*) > 1 AS yes FROM users WHERE active = 1`),
    pendamping: one(db, sql`SELECT EXISTS (SELECT 1 FROM pendamping) AS yes`),
    import: one(db, sql`SELECT EXISTS (SELECT 1 FROM kpm) AS yes`),
    targets: one(db, sql`SELECT EXISTS (SELECT 1 FROM graduation_targets WHERE year = ${year}) AS yes`),
  };
}
