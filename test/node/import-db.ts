/** Databases for the import tests: one office (Kabupaten Pamekasan) set up once, copied per test. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../db/open';
import type { Actor } from '../../main/services/actor';
import type { RegionName } from '../fixtures/messy-files';
import { ensureSyntheticOffice } from '../fixtures/seed';

export const REGENCY = '3528';
export const ADMIN: Actor = { id: 1, username: 'admin', role: 'admin' };
export const OPERATOR: Actor = { id: 2, username: 'operator', role: 'operator' };
export const VERIFIKATOR: Actor = { id: 3, username: 'verifikator', role: 'verifikator' };

let template: Promise<string> | null = null;
const dir = mkdtempSync(join(tmpdir(), 'impor-test-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

async function makeTemplate(): Promise<string> {
  const file = join(dir, 'template.db');
  const db = openDatabase(file);
  await ensureSyntheticOffice(db, REGENCY);
  const now = new Date().toISOString();
  const insertUser = db.$client.prepare(
    "INSERT INTO users (username, full_name, role, password_hash, active, created_at) VALUES (?, ?, ?, 'x', 1, ?)",
  );
  insertUser.run('operator', 'Operator', 'operator', now);
  insertUser.run('verifikator', 'Verifikator', 'verifikator', now);
  db.$client
    .prepare(
      "INSERT INTO pendamping (name, nip, phone, active, created_at, updated_at) VALUES ('BUDI SANTOSO', NULL, '', 1, ?, ?)",
    )
    .run(now, now);
  db.$client
    .prepare(
      "INSERT INTO pendamping (name, nip, phone, active, created_at, updated_at) VALUES ('SRI MULYANI, S.Sos', NULL, '', 1, ?, ?)",
    )
    .run(now, now);
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return file;
}

/** A fresh copy of the set-up database, in its own file (so commits use their own connection, as in the app). */
export async function freshDb(): Promise<{ db: Db; file: string }> {
  template ??= makeTemplate();
  const source = await template;
  const file = join(dir, `t${process.pid}-${++counter}.db`);
  copyFileSync(source, file);
  return { db: openDatabase(file), file };
}

/** Pademawu's villages, and two more kecamatan, as named in the Kemendagri list. */
export function placesOf(db: Db): { district: RegionName; village: RegionName }[] {
  const rows = db.$client
    .prepare(
      `SELECT d.code AS dCode, d.name AS dName, v.code AS vCode, v.name AS vName
       FROM regions v JOIN regions d ON d.code = v.parent_code
       WHERE v.level = 'village' AND d.code IN ('352802', '352801', '352803') ORDER BY d.code, v.code`,
    )
    .all() as { dCode: string; dName: string; vCode: string; vName: string }[];
  // Village names that occur in two kecamatan of the regency would need the kecamatan; keep the unique ones.
  const count = new Map<string, number>();
  for (const r of db.$client
    .prepare("SELECT upper(name) AS n FROM regions WHERE level = 'village' AND code LIKE '3528%'")
    .all() as { n: string }[]) {
    count.set(r.n, (count.get(r.n) ?? 0) + 1);
  }
  return rows
    .filter((r) => count.get(r.vName.toUpperCase()) === 1)
    .map((r) => ({ district: { code: r.dCode, name: r.dName }, village: { code: r.vCode, name: r.vName } }));
}

export function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.$client.prepare(sql).get(...params) as { n: number }).n;
}
