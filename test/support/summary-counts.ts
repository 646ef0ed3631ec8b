/**
 * What the consistency tests of the summaries kept by triggers share (kpm_area_counts, open_candidate_counts,
 * award_area_counts, decided_graduations and their per-level sums): an office with two pendamping in two kecamatan of a few desa each, the summary set against the
 * same figures counted afresh from the base tables, and a seeded run of random writes after each of which the two
 * must be equal.
 */
import { expect } from 'vitest';
import type { Db } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import { seededRandom } from '../bench/stats';
import { setUpOffice } from '../node/helpers';
import { addPendamping } from './graduation';

export const BARAT = '337501';
export const TIMUR = '337502';

export interface SummaryOffice {
  db: Db;
  admin: Actor;
  /** RINA SETIAWATI (covering Barat) and DEDI KURNIAWAN (covering Timur). */
  pendampingIds: number[];
  /** Three desa of each kecamatan, as [kecamatan, desa]. */
  places: (readonly [string, string])[];
}

export async function summaryOffice(): Promise<SummaryOffice> {
  const { db, admin } = await setUpOffice();
  const pendampingIds = [addPendamping(db, 'RINA SETIAWATI', [BARAT]), addPendamping(db, 'DEDI KURNIAWAN', [TIMUR])];
  const villages = (district: string) =>
    db.$client
      .prepare('SELECT code FROM regions WHERE parent_code = ? ORDER BY code LIMIT 3')
      .pluck()
      .all(district) as string[];
  const places = [BARAT, TIMUR].flatMap((d) => villages(d).map((v) => [d, v] as const));
  return { db, admin, pendampingIds, places };
}

/** The summary's rows and the same figures counted from the base tables: two SELECTs ordered alike. */
export interface SummaryCheck {
  summary: string;
  counted: string;
  /** A summary of counts: its name and count column, for rows left empty (deleted, never kept at zero). */
  table?: string;
  count?: string;
}

/** One summary's check, or several (a summary and its per-level sums), each with its own SELECTs. */
export type SummaryChecks = SummaryCheck | readonly SummaryCheck[];

export function expectInStep(db: Db, checks: SummaryChecks, label?: string): void {
  for (const check of Array.isArray(checks) ? checks : [checks])
    expect(db.$client.prepare(check.summary).all(), label).toEqual(db.$client.prepare(check.counted).all());
}

/**
 * A summary's level sums (kpm_level_counts and its like) against the same figures counted afresh: the summary's own
 * count from the base tables (its check's counted SELECT, no trigger involved) added up per kecamatan and per
 * pendamping. keys and values are [column, expression over the counted rows].
 */
export function levelCheck(
  base: SummaryCheck,
  level: {
    table: string;
    keys: readonly (readonly [string, string])[];
    values: readonly (readonly [string, string])[];
    pendamping?: string;
    where?: string;
  },
): SummaryCheck {
  const keys = level.keys.map(([k]) => k);
  const columns = ['kind', 'area_key', ...keys, ...level.values.map(([v]) => v)].join(', ');
  const order = ['kind', 'area_key', ...keys].join(', ');
  const areas = [
    ['kecamatan', 'district_code'],
    ['pendamping', `CAST(${level.pendamping ?? 'pendamping_key'} AS TEXT)`],
  ];
  const sums = areas.map(
    ([kind, area]) =>
      `SELECT '${kind}' AS kind, ${area} AS area_key, ${[...level.keys, ...level.values].map(([c, e]) => `${e} AS ${c}`).join(', ')}
       FROM (${base.counted}) ${level.where ? `WHERE ${level.where}` : ''} GROUP BY ${['area_key', ...keys].join(', ')}`,
  );
  return {
    summary: `SELECT ${columns} FROM ${level.table} ORDER BY ${order}`,
    counted: `SELECT ${columns} FROM (${sums.join(' UNION ALL ')}) ORDER BY ${order}`,
    table: level.table,
    count: level.values[0][0],
  };
}

/** Moves a family to another kecamatan and desa, as the form and the import write it. */
export function moveFamily(db: Db, kpmId: number, [district, village]: readonly [string, string]): void {
  db.$client.prepare('UPDATE kpm SET district_code = ?, village_code = ? WHERE id = ?').run(district, village, kpmId);
}

/** A seeded random choice among values. */
export type Pick = <T>(values: readonly T[]) => T;

/**
 * `steps` writes, each one of `writes` chosen at random (seeded: the same run every time), the summary checked after
 * each; at the end no empty row is left in a summary of counts.
 */
export function expectInStepThroughRandomWrites(
  db: Db,
  checks: SummaryChecks,
  options: { seed: number; steps: number; writes: readonly ((pick: Pick, step: number) => void)[] },
): void {
  const random = seededRandom(options.seed);
  const pick: Pick = (values) => values[Math.floor(random() * values.length)];
  for (let step = 0; step < options.steps; step++) {
    const kind = Math.floor(random() * options.writes.length);
    options.writes[kind](pick, step);
    expectInStep(db, checks, `after step ${step} (write ${kind})`);
  }
  for (const check of Array.isArray(checks) ? checks : [checks]) {
    if (!check.table || !check.count) continue;
    const empty = db.$client.prepare(`SELECT count(*) FROM ${check.table} WHERE ${check.count} <= 0`).pluck().get();
    expect(empty, check.table).toBe(0);
  }
}
