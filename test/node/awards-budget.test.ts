/**
 * The budget guard under concurrent writes: two processes plan awards against the same
 * programme at the same moment, one family per call; the budget check runs in each plan's write transaction
 * (BEGIN IMMEDIATE), so the sum never exceeds the budget and every refusal says the amount that remains.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { budgetFigures } from '../../main/services/awards/budget';
import { createProgram, graduate } from '../support/awards';
import { inLockStep, startWorker } from '../support/worker-process';
import { setUpOffice } from './helpers';

/** A process planning one award of Rp1.500.000 cash per family of its list against the programme. */
const planner = (file: string, programId: number, kpmIds: number[], name: string) =>
  startWorker<string[]>('award-worker.ts', [file, String(programId), JSON.stringify(kpmIds), '1500000', name], name);

describe('budget guard', () => {
  it('never lets two processes planning at the same moment overspend the budget', async () => {
    const { db, file, admin } = await setUpOffice();
    const { kpmIds } = graduate(
      db,
      admin,
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    // Room for 60 awards of Rp1.500.000 and Rp1.000.000 more: 40 of the 100 plans must be refused.
    const program = createProgram(db, admin, { budget: 91_000_000 });
    db.$client.close();
    const a = planner(file, program.id, kpmIds.slice(0, 50), 'A');
    const b = planner(file, program.id, kpmIds.slice(50), 'B');
    await inLockStep([a, b], 50);
    const [fromA, fromB] = await Promise.all([a.result, b.result]);
    const outcomes = [...fromA, ...fromB];
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(60);
    const refusals = outcomes.filter((o) => o !== 'ok');
    expect(refusals).toHaveLength(40);
    for (const refusal of refusals) {
      expect(refusal).toBe('Sisa anggaran Rp1.000.000 tidak cukup untuk 1 KPM x Rp1.500.000 = Rp1.500.000.');
    }

    const check = openDatabase(file);
    const one = (sql: string) => check.$client.prepare(sql).pluck().get();
    expect(one('PRAGMA integrity_check')).toBe('ok');
    expect(one('SELECT sum(total) FROM awards')).toBe(90_000_000);
    expect(budgetFigures(check, program.id)).toMatchObject({ planned: 90_000_000, remaining: 1_000_000 });
    expect(one("SELECT count(*) FROM audit_log WHERE action = 'plan_award'")).toBe(60);
    // The rounds interleaved the two: each wrote awards before and after the other's.
    const ids = (name: string) =>
      check.$client.prepare('SELECT id FROM awards WHERE notes = ?').pluck().all(name) as number[];
    expect(Math.min(...ids('A'))).toBeLessThan(Math.max(...ids('B')));
    expect(Math.min(...ids('B'))).toBeLessThan(Math.max(...ids('A')));
    check.$client.close();
  }, 120_000);
});
