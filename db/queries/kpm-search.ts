import type { Statement } from 'better-sqlite3';
import { getTableColumns } from 'drizzle-orm';
import type { KpmStatus } from '../../main/domain/enums';
import { NUMBER_FIELDS } from '../../main/domain/fields';
import { WITHDRAWN_STAGE } from '../../main/domain/graduation';
import { komponenBit } from '../../main/domain/komponen';
import type { Page } from '../../main/domain/paging';
import type { KpmSearchInput } from '../../main/domain/schemas';
import type { Db } from '../open';
import { kpm } from '../schema';
import { quotedList } from './sql-text';

const KPM_COLUMN: Record<string, { name: string }> = getTableColumns(kpm);

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
  /** Why the family matched the search text when it is not the pengurus's own name or number ("anggota ..."). */
  matchedBy?: string | null;
}

export type KpmPage = Page<KpmListRow>;

const ORDER_BY: Record<KpmSearchInput['sort'], string> = {
  nama: 'k.nama COLLATE NOCASE',
  idKpm: 'k.id_kpm',
  updatedAt: 'k.updated_at',
};

/**
 * How the search picks its plan, measured on 100,000 synthetic families with 329,000 members (2 shared cores
 * under heavy load, so compare figures within a line, not across lines):
 *
 * - Members' names live in the family's own row of the trigram index (column anggota), not in an index of
 *   their own. Staff type common name pieces ("rahma", "putri"): a member's fragment matches 6,000 families
 *   at the median and 14,000 at p95. With one row per family a MATCH yields each family once and counts in the
 *   index alone; a second index needs a UNION to remove repeats, and one row per member a join to art too.
 *   p95 of page and count for member fragments: 40 ms one row per family, 78 ms a members index beside
 *   kpm_search, 118 ms one row per member. Indexing 100,000 families without members cost the same in each
 *   design (about 1 s in a busy rolled-back transaction), so the import keeps its time.
 * - A desa is found through the few hundred names in regions (families then by village_code), not by copying
 *   its name into 100,000 index rows.
 * - A page of many matches is read in the sort's own index, checking each family against the matches (the
 *   unary + keeps SQLite from starting at them); few matches are fetched and sorted. Sorting 14,000 matches
 *   took 30 ms, walking the name index 7 ms; below about 1,000 matches fetching is the cheaper one (the walk
 *   has to go further to fill a page). The count, which the list shows anyway, decides. In CPU time per search
 *   (p95, steadier than wall time on a busy machine): a member's fragment 6.8 ms, a pengurus's 5.1 ms
 *   (6.2 ms before members were indexed, when every page was sorted).
 */
const ORDERED_SCAN_ABOVE = 1000;

export interface SearchQuery {
  /** Parameters of the WHERE clause, shared by the page and the count. */
  params: (string | number)[];
  /** Reads the page through the narrowest filter (few matches). */
  pageSql: string;
  /** Reads the page along the sort's index, checking the filters (many matches); null when no such plan helps. */
  orderedPageSql: string | null;
  countSql: string;
  pageParams: (string | number)[];
}

/** A quoted FTS5 string: the trigram tokenizer matches it as a substring anywhere in the indexed columns. */
const ftsString = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** The first string after every string that starts with prefix (binary order): the end of a prefix range. */
const afterPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** What the text matches, as a test on the family row k with its parameters. */
interface TextMatch {
  /** Written so that SQLite starts from the matches: each branch of the OR reads its own index. */
  where: string;
  /** The same test with the indexes kept out (unary +), for a page read along the sort's index. */
  check: string;
  params: string[];
  /** A cheaper count when the text is the only filter. */
  countSql?: string;
}

/**
 * One identity column, compared whole (=) or by its start (a range on its index). Branches joined by OR let
 * SQLite collect the families in a rowid set: counting the 100,000 ID KPM that start with "P337" took 27 ms
 * that way and 270 ms through a UNION of the same ranges (busy machine).
 */
function identitySource(column: string, value: string, prefix: boolean) {
  const test = (c: string) => (prefix ? `${c} >= ? AND ${c} < ?` : `${c} = ?`);
  const member = column === 'art.nik';
  return {
    where: member ? `k.id IN (SELECT kpm_id FROM art WHERE ${test('nik')})` : `(${test(`k.${column}`)})`,
    check: member
      ? `EXISTS (SELECT 1 FROM art a WHERE a.kpm_id = k.id AND ${test('+a.nik')})`
      : `(${test(`+k.${column}`)})`,
    params: prefix ? [value, afterPrefix(value)] : [value],
  };
}

function identityMatch(sources: ReturnType<typeof identitySource>[]): TextMatch {
  return {
    where: `(${sources.map((s) => s.where).join(' OR ')})`,
    check: `(${sources.map((s) => s.check).join(' OR ')})`,
    params: sources.flatMap((s) => s.params),
  };
}

/**
 * What the typed text means. A whole NIK or No. KK (16 digits) is an exact lookup on pengurus and members;
 * the start of an identity number is a range on its index: ID KPM and ID DTKS from 4 characters (one to three
 * letters then digits, typed without spaces), NIK and No. KK from 6 digits; other text of three or more
 * characters goes through the trigram index (pengurus, address, members) and the names of desa; shorter text
 * is the start of a word in the pengurus's name (see buildSearchQuery).
 */
export function textMatch(q: string, villageCodes: readonly string[] = []): TextMatch | null {
  const compact = q.replace(/[\s.]/g, '').toUpperCase();
  if (/^\d{16}$/.test(compact)) {
    return identityMatch([
      ...['nik', 'no_kk', 'art.nik'].map((column) => identitySource(column, compact, false)),
      ...['id_kpm', 'id_dtks'].map((column) => identitySource(column, compact, true)),
    ]);
  }
  if (/^[A-Z]{0,3}\d+$/.test(compact) && compact.length >= 4 && (compact.length >= 6 || !/\s/.test(q))) {
    const columns = /^\d{6,}$/.test(compact) ? ['id_kpm', 'id_dtks', 'nik', 'no_kk', 'art.nik'] : ['id_kpm', 'id_dtks'];
    return identityMatch(columns.map((column) => identitySource(column, compact, true)));
  }
  if (q.length < 3) return null;
  // Words of 3+ letters match anywhere and in any order (in the pengurus's name, the address or one of the
  // members'); a query with shorter words is matched as one piece.
  const terms = q.split(/\s+/);
  const match = terms.every((t) => t.length >= 3) ? terms.map(ftsString).join(' AND ') : ftsString(q);
  const fts = 'SELECT rowid FROM kpm_search WHERE kpm_search MATCH ?';
  if (villageCodes.length === 0) {
    return {
      where: `k.id IN (${fts})`,
      check: `+k.id IN (${fts})`,
      params: [match],
      countSql: 'SELECT count(*) AS total FROM kpm_search WHERE kpm_search MATCH ?',
    };
  }
  const villages = `IN (${villageCodes.map(() => '?').join(', ')})`;
  return {
    where: `(k.id IN (${fts}) OR k.village_code ${villages})`,
    check: `(+k.id IN (${fts}) OR +k.village_code ${villages})`,
    params: [match, ...villageCodes],
  };
}

/** The desa/kelurahan whose name contains the text (a few hundred rows in regions). */
export function villagesNamed(db: Db, q: string): string[] {
  if (q.length < 3 || !/\p{L}/u.test(q)) return [];
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = prepareCached(db, "SELECT code FROM regions WHERE level = 'village' AND name LIKE ? ESCAPE '\\'").all(
    `%${escaped}%`,
  ) as { code: string }[];
  return rows.map((r) => r.code);
}

/**
 * Builds the SQL for one list request: the text's set of families (textMatch), the filters, the count and two
 * ways to read the page (see ORDERED_SCAN_ABOVE). villageCodes are the desa whose names contain the text.
 */
export function buildSearchQuery(input: KpmSearchInput, villageCodes: readonly string[] = []): SearchQuery {
  const narrow: { driven: string; checked: string }[] = [];
  const where: string[] = [];
  const params: (string | number)[] = [];
  let selective = false;
  const q = input.q.trim();
  const text = textMatch(q, villageCodes);
  if (text) {
    narrow.push({ driven: text.where, checked: text.check });
    params.push(...text.params);
  } else if (q.length > 0) {
    // One or two letters: too short for the trigram index, so the start of a word in the name.
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push("(k.nama LIKE ? ESCAPE '\\' OR k.nama LIKE ? ESCAPE '\\')");
    params.push(`${escaped}%`, `% ${escaped}%`);
  }
  if (input.missingIdKpm) {
    // Read through the ID KPM index (NULLs are kept in it) when few families lack one, checked row by row when many.
    narrow.push({ driven: 'k.id_kpm IS NULL', checked: '+k.id_kpm IS NULL' });
  }
  if (input.pendampingId !== null) {
    where.push('k.pendamping_id = ?');
    params.push(input.pendampingId);
    selective = true;
  }
  for (const key of NUMBER_FIELDS) {
    const value = input[key];
    if (value === null) continue;
    where.push(`k.${KPM_COLUMN[key].name} = ?`);
    params.push(value);
  }
  if (input.villageCode) {
    where.push('k.village_code = ?');
    params.push(input.villageCode);
    selective = true;
  }
  if (input.graduationStage) {
    // The family's latest candidacy (the open one when there is one); a withdrawn one counts as none.
    const latest = `SELECT c.kpm_id FROM graduation_candidates c WHERE c.id = (SELECT max(c2.id) FROM
      graduation_candidates c2 WHERE c2.kpm_id = c.kpm_id) AND c.stage`;
    if (input.graduationStage === 'none') where.push(`k.id NOT IN (${latest} <> ${quotedList([WITHDRAWN_STAGE])})`);
    else {
      where.push(`k.id IN (${latest} = ?)`);
      params.push(input.graduationStage);
    }
  }
  // Status and kecamatan match thousands of families. With a selective filter (pendamping, desa, text, no ID
  // KPM) the page is read through that filter's index; without one, a page sorted by ID KPM or date is read in
  // the order of that column's index. Either way the broad filters are kept off their indexes (the unary +).
  // The ordered page (many matches) keeps status and kecamatan usable for a page sorted by name.
  const broad = selective || narrow.length > 0 || input.sort !== 'nama' ? '+' : '';
  const broadWhere: string[] = [];
  const pageWhere: string[] = [];
  const orderedWhere: string[] = [];
  const orderedBroad = input.sort !== 'nama' ? '+' : '';
  const addBroad = (column: string, value: string | number) => {
    broadWhere.push(`${column} = ?`);
    pageWhere.push(`${broad}${column} = ?`);
    orderedWhere.push(`${orderedBroad}${column} = ?`);
    params.push(value);
  };
  if (input.status) addBroad('k.status', input.status);
  if (input.districtCode) addBroad('k.district_code', input.districtCode);
  if (input.komponen) {
    for (const list of [broadWhere, pageWhere, orderedWhere]) list.push('(k.komponen_mask & ?) != 0');
    params.push(komponenBit(input.komponen));
  }
  const whereOf = (...lists: string[][]) => {
    const all = lists.flat();
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
  };
  const dir = input.dir === 'desc' ? 'DESC' : 'ASC';
  const page = (conditions: string) => `SELECT k.id, k.id_kpm AS idKpm, k.nik, k.no_kk AS noKk, k.nama,
      k.tanggal_lahir AS tanggalLahir, k.alamat, k.status, k.komponen_mask AS komponenMask, k.updated_at AS updatedAt,
      (SELECT name FROM regions WHERE code = k.village_code) AS villageName,
      (SELECT name FROM regions WHERE code = k.district_code) AS districtName,
      (SELECT name FROM pendamping WHERE id = k.pendamping_id) AS pendampingName
    FROM kpm k ${conditions}
    ORDER BY ${ORDER_BY[input.sort]} ${dir}, k.id ${dir}
    LIMIT ? OFFSET ?`;
  const driven = narrow.map((n) => n.driven);
  const checked = narrow.map((n) => n.checked);
  // The text alone may have a cheaper count of its own; otherwise the families matching everything are counted.
  const textOnly = text !== null && narrow.length === 1 && where.length === 0 && broadWhere.length === 0;
  const countSql = `SELECT count(*) AS total FROM kpm k ${whereOf(driven, where, broadWhere)}`;
  return {
    params,
    pageSql: page(whereOf(driven, where, pageWhere)),
    orderedPageSql: narrow.length > 0 && !selective ? page(whereOf(checked, where, orderedWhere)) : null,
    countSql: (textOnly && text.countSql) || countSql,
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

/** The way to read the page, once the count says how many families match (see ORDERED_SCAN_ABOVE). */
export function pageSqlFor(query: SearchQuery, total: number): string {
  return query.orderedPageSql && total > ORDERED_SCAN_ABOVE ? query.orderedPageSql : query.pageSql;
}

/** One page of the families the search finds, and how many it finds in all. */
export function searchPage(db: Db, input: KpmSearchInput): { rows: KpmListRow[]; total: number } {
  const query = buildSearchQuery(input, villagesNamed(db, input.q.trim()));
  const total = (prepareCached(db, query.countSql).get(...query.params) as { total: number }).total;
  const rows = prepareCached(db, pageSqlFor(query, total)).all(...query.pageParams) as KpmListRow[];
  return { rows, total };
}

/**
 * Runs a bulk insert of families and their members (import, synthetic seed) with the per-row search triggers
 * paused, then indexes every family added meanwhile, and every older family that gained members, in one
 * statement each. Call it inside the bulk load's transaction.
 */
export function withSearchIndexPaused<T>(db: Db, load: () => T): T {
  const sqlite = db.$client;
  const { lastKpm, lastArt } = sqlite
    .prepare(
      'SELECT (SELECT coalesce(max(id), 0) FROM kpm) AS lastKpm, (SELECT coalesce(max(id), 0) FROM art) AS lastArt',
    )
    .get() as { lastKpm: number; lastArt: number };
  sqlite.prepare('INSERT INTO kpm_search_paused (id) VALUES (1)').run();
  const result = load();
  sqlite.prepare('DELETE FROM kpm_search_paused').run();
  // Most files carry no member rows: then there are no names to gather, and skipping the per-family lookup
  // saves about 0.1 s per 100,000 families.
  const membersAdded =
    (sqlite.prepare('SELECT EXISTS (SELECT 1 FROM art WHERE id > ?)').pluck().get(lastArt) as number) === 1;
  if (!membersAdded) {
    sqlite
      .prepare('INSERT INTO kpm_search (rowid, nama, alamat) SELECT id, nama, alamat FROM kpm WHERE id > ?')
      .run(lastKpm);
    return result;
  }
  const older = 'SELECT DISTINCT kpm_id FROM art WHERE id > ? AND kpm_id <= ?';
  sqlite.prepare(`DELETE FROM kpm_search WHERE rowid IN (${older})`).run(lastArt, lastKpm);
  const index = (which: string) =>
    `INSERT INTO kpm_search (rowid, nama, alamat, anggota)
     SELECT k.id, k.nama, k.alamat, (SELECT group_concat(a.nama, char(10)) FROM art a WHERE a.kpm_id = k.id)
     FROM kpm k WHERE ${which}`;
  sqlite.prepare(index('k.id > ?')).run(lastKpm);
  sqlite.prepare(index(`k.id IN (${older})`)).run(lastArt, lastKpm);
  return result;
}
