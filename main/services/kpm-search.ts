import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { KpmStatus } from '../domain/enums';
import { komponenBit } from '../domain/komponen';
import type { Page } from '../domain/paging';
import type { KpmSearchInput } from '../domain/schemas';

export interface KpmListRow {
  id: number;
  /** Null until the family gets one (DTKS-based files carry none). */
  idKpm: string | null;
  nik: string;
  noKk: string;
  nama: string;
  /** Tells apart families whose pengurus share a name. */
  tanggalLahir: string | null;
  alamat: string;
  villageName: string;
  districtName: string;
  pendampingName: string | null;
  status: KpmStatus;
  komponenMask: number;
  updatedAt: string;
}

export type KpmPage = Page<KpmListRow>;

const ORDER_BY: Record<KpmSearchInput['sort'], string> = {
  nama: 'k.nama COLLATE NOCASE',
  idKpm: 'k.id_kpm',
  updatedAt: 'k.updated_at',
};

export interface SearchQuery {
  /** Parameters of the WHERE clause, shared by the page and the count. */
  params: (string | number)[];
  pageSql: string;
  countSql: string;
  pageParams: (string | number)[];
}

/** A quoted FTS5 string: the trigram tokenizer matches it as a substring anywhere in the indexed columns. */
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** The first string after every string that starts with prefix (binary order): the end of a prefix range. */
const afterPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * Builds the SQL for one list request. The text search picks the cheapest index for the query:
 * a whole NIK or No. KK (16 digits) is an exact lookup on pengurus and members; the start of an identity
 * number (6+ digits, or an ID KPM such as P3375...) is a range on the NIK, No. KK and ID KPM indexes;
 * other text of three or more characters goes through the trigram index of names and addresses; shorter
 * text is the start of a word in the name.
 */
export function buildSearchQuery(input: KpmSearchInput): SearchQuery {
  const where: string[] = [];
  const params: (string | number)[] = [];
  let from = 'kpm k';
  let selective = false;
  let ftsOnlyCount: string | null = null;
  const q = input.q.trim();
  const identity = q.replace(/[\s.]/g, '').toUpperCase();
  if (/^\d{16}$/.test(identity)) {
    where.push(
      'k.id IN (SELECT id FROM kpm WHERE nik = ? UNION SELECT id FROM kpm WHERE no_kk = ? UNION SELECT kpm_id FROM art WHERE nik = ?)',
    );
    params.push(identity, identity, identity);
    selective = true;
  } else if (/^[A-Z]{0,3}\d{6,}$/.test(identity)) {
    const end = afterPrefix(identity);
    where.push(
      `k.id IN (SELECT id FROM kpm WHERE nik >= ? AND nik < ? UNION SELECT id FROM kpm WHERE no_kk >= ? AND no_kk < ?
        UNION SELECT id FROM kpm WHERE id_kpm >= ? AND id_kpm < ? UNION SELECT kpm_id FROM art WHERE nik >= ? AND nik < ?)`,
    );
    params.push(identity, end, identity, end, identity, end, identity, end);
    selective = true;
  } else if (q.length >= 3) {
    // Words of 3+ letters match anywhere and in any order; a query with shorter words is matched as one piece.
    const terms = q.split(/\s+/);
    from = 'kpm_search JOIN kpm k ON k.id = kpm_search.rowid';
    where.push('kpm_search MATCH ?');
    params.push(terms.every((t) => t.length >= 3) ? terms.map(ftsString).join(' AND ') : ftsString(q));
    ftsOnlyCount = 'SELECT count(*) AS total FROM kpm_search WHERE kpm_search MATCH ?';
    selective = true;
  } else if (q.length > 0) {
    // One or two letters: too short for the trigram index, so the start of a word in the name.
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push("(k.nama LIKE ? ESCAPE '\\' OR k.nama LIKE ? ESCAPE '\\')");
    params.push(`${escaped}%`, `% ${escaped}%`);
  }
  if (input.pendampingId !== null) {
    where.push('k.pendamping_id = ?');
    params.push(input.pendampingId);
    selective = true;
  }
  if (input.villageCode) {
    where.push('k.village_code = ?');
    params.push(input.villageCode);
    selective = true;
  }
  // Status and kecamatan match thousands of families. With a selective filter (pendamping, desa, text) the
  // page is read through that filter's index; without one, a page sorted by ID KPM or date is read in the
  // order of that column's index. Either way the broad filters are kept off their indexes (the unary +).
  const broad = selective || input.sort !== 'nama' ? '+' : '';
  const broadWhere: string[] = [];
  const pageWhere: string[] = [];
  if (input.status) {
    broadWhere.push('k.status = ?');
    pageWhere.push(`${broad}k.status = ?`);
    params.push(input.status);
  }
  if (input.districtCode) {
    broadWhere.push('k.district_code = ?');
    pageWhere.push(`${broad}k.district_code = ?`);
    params.push(input.districtCode);
  }
  if (input.komponen) {
    broadWhere.push('(k.komponen_mask & ?) != 0');
    pageWhere.push('(k.komponen_mask & ?) != 0');
    params.push(komponenBit(input.komponen));
  }
  const whereOf = (extra: string[]) => {
    const all = [...where, ...extra];
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  };
  const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
  const pageSql = `SELECT k.id, k.id_kpm AS idKpm, k.nik, k.no_kk AS noKk, k.nama, k.tanggal_lahir AS tanggalLahir, k.alamat, k.status,
      k.komponen_mask AS komponenMask, k.updated_at AS updatedAt,
      (SELECT name FROM regions WHERE code = k.village_code) AS villageName,
      (SELECT name FROM regions WHERE code = k.district_code) AS districtName,
      (SELECT name FROM pendamping WHERE id = k.pendamping_id) AS pendampingName
    FROM ${from} ${whereOf(pageWhere)}
    ORDER BY ${ORDER_BY[input.sort]} ${dir}, k.id ${dir}
    LIMIT ? OFFSET ?`;
  // A text search with no other filter is counted in the search index alone.
  const textOnly = ftsOnlyCount !== null && params.length === 1;
  const countSql = textOnly ? (ftsOnlyCount as string) : `SELECT count(*) AS total FROM ${from} ${whereOf(broadWhere)}`;
  return {
    params,
    pageSql,
    countSql,
    pageParams: [...params, input.pageSize, (input.page - 1) * input.pageSize],
  };
}

/** Prepared statements by SQL text: the handful of query shapes the list produces are compiled once. */
const statementCache = new WeakMap<object, Map<string, Statement>>();

export function prepareCached(db: Db, sql: string): Statement {
  let cache = statementCache.get(db.$client);
  if (!cache) {
    cache = new Map();
    statementCache.set(db.$client, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.$client.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

export function searchKpm(db: Db, input: KpmSearchInput): KpmPage {
  const query = buildSearchQuery(input);
  const items = prepareCached(db, query.pageSql).all(...query.pageParams) as KpmListRow[];
  const total = (prepareCached(db, query.countSql).get(...query.params) as { total: number }).total;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/**
 * Runs a bulk insert of families (import, synthetic seed) with the per-row search trigger paused, then
 * indexes every family added meanwhile in one statement. Call it inside the bulk load's transaction.
 */
export function withSearchIndexPaused<T>(db: Db, load: () => T): T {
  const sqlite = db.$client;
  const { lastId } = sqlite.prepare('SELECT coalesce(max(id), 0) AS lastId FROM kpm').get() as { lastId: number };
  sqlite.prepare('INSERT INTO kpm_search_paused (id) VALUES (1)').run();
  const result = load();
  sqlite.prepare('DELETE FROM kpm_search_paused').run();
  sqlite
    .prepare(
      `INSERT INTO kpm_search (rowid, nama, alamat)
       SELECT id, nama, alamat FROM kpm WHERE id > ?`,
    )
    .run(lastId);
  return result;
}
