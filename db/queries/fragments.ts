/**
 * SQL pieces the services compose with Drizzle's query builder: ordering and matching by name without regard to
 * case, counting, a date-time's day, the newest assessment's score.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../open';

export const rowCount = () => sql<number>`count(*)`;

/** Orders by a name as people read it: upper and lower case alike. */
export const byNameNoCase = (column: SQLiteColumn): SQL => sql`${column} COLLATE NOCASE`;

/** A column equal to a text, upper and lower case alike. */
export const equalsNoCase = (column: SQLiteColumn, text: string): SQL => sql`${column} = ${text} COLLATE NOCASE`;

/** The day (YYYY-MM-DD) of an ISO date-time column. */
export const dayOf = (column: SQLiteColumn): SQL => sql`substr(${column}, 1, 10)`;

/** The column is not NULL, as 1 or 0. */
export const isPresent = (column: SQLiteColumn) => sql<number>`${column} IS NOT NULL`;

/** How many items a proposal holds. */
export const proposalItemCount = (proposalId: SQLiteColumn) =>
  sql<number>`(SELECT count(*) FROM proposal_items i WHERE i.proposal_id = ${proposalId})`;

/** The score of a candidate's newest assessment (null without one). */
export const latestScore = (candidateId: SQLiteColumn) =>
  sql<
    number | null
  >`(SELECT a.score FROM assessments a WHERE a.candidate_id = ${candidateId} ORDER BY a.id DESC LIMIT 1)`;

/** Ids of export templates with this name, upper and lower case alike. */
export function exportTemplatesNamed(db: Db, name: string): { id: number }[] {
  return db.$client.prepare('SELECT id FROM export_templates WHERE name = ? COLLATE NOCASE').all(name) as {
    id: number;
  }[];
}

/** Ids of catalogue items with this name and unit, upper and lower case alike. */
export function awardItemsNamed(db: Db, name: string, unit: string): { id: number }[] {
  return db.$client
    .prepare<[string, string], { id: number }>(
      'SELECT id FROM award_items WHERE name = ? COLLATE NOCASE AND unit = ? COLLATE NOCASE',
    )
    .all(name, unit);
}
