/**
 * The commit's writes of families, chunk by chunk with a checkpoint (progress, a turn of the event loop,
 * cancel) after each. New families go to kpm through a temporary table, one statement per chunk with the search
 * trigger paused and the chunk indexed in one statement (withSearchIndexPaused); row by row, the search trigger
 * alone made 100,000 inserts several times slower. Updated families get one statement per chunk naming only the
 * columns that change, their before- and after-images built in SQL (db/queries/import-writes.ts).
 */
import {
  type ChangedColumn,
  type CommitStamp,
  prepareAddWrites,
  prepareUpdateWrites,
} from '../../../db/queries/import-writes';
import { withSearchIndexPaused } from '../kpm-search';
import type { Writing } from './commit';
import { COLUMN_OF, KPM_WRITE_COLUMNS, KPM_WRITE_KEYS, kpmParams } from './kpm-columns';
import type { KpmValues } from './plan-base';
import type { WriteItem } from './plan-items';

const CHUNK = 5000;

function stampOf(w: Writing): CommitStamp {
  return { batchId: w.batchId, now: w.now, userId: w.req.actor.id, username: w.req.actor.username, label: w.label };
}

function pendampingOf(w: Writing, item: WriteItem): number | null {
  return item.pendampingNew
    ? (w.newPendamping.get(item.pendampingNew) ?? null)
    : (item.values as KpmValues).pendampingId;
}

/** Sorts new families by desa (whose code starts with its kecamatan's) and name, with the native string sort. */
function sortByRegionAndName(items: WriteItem[]): void {
  const keys = items.map((item, i) => {
    const v = item.values as KpmValues;
    return `${v.villageCode}${v.nama}\u0000${i}`;
  });
  keys.sort();
  const sorted = keys.map((key) => items[Number(key.slice(key.lastIndexOf('\u0000') + 1))]);
  for (let i = 0; i < items.length; i++) items[i] = sorted[i];
}

/**
 * New families: staged, then moved into kpm one chunk per statement, with one audit row each and the batch's
 * item rows written set-based.
 */
export async function writeAdds(w: Writing, adds: WriteItem[]): Promise<void> {
  const writes = prepareAddWrites(
    w.conn,
    KPM_WRITE_COLUMNS,
    stampOf(w),
    adds.some((item) => item.members.length > 0),
  );
  // Staged in kecamatan, desa and name order: most of kpm's indexes lead with those, and inserting along them
  // instead of in file order made the insert of 100,000 families 30% faster.
  sortByRegionAndName(adds);
  for (const [seq, item] of adds.entries())
    writes.stage(seq, kpmParams(item.values as KpmValues, pendampingOf(w, item)));
  for (let start = 0; start < adds.length; start += CHUNK) {
    const end = Math.min(adds.length, start + CHUNK);
    const familiesBefore = writes.lastFamilyId();
    // The chunk's families and members are indexed for search once, after they are inserted (see
    // withSearchIndexPaused).
    withSearchIndexPaused(w.writer, () => {
      writes.move(start, end);
      if (!adds.slice(start, end).some((item) => item.members.length > 0)) return;
      const ids = writes.idsOf(start, end);
      for (let seq = start; seq < end; seq++) {
        const id = ids.get(seq) as number;
        for (const m of adds[seq].members) w.members.insert(id, m);
      }
    });
    writes.audit(familiesBefore);
    w.done += end - start;
    await w.checkpoint();
  }
  writes.drop();
}

/** The bit of a kpm value in the staged `changed` mask of an updated family. */
function changedBit(key: keyof KpmValues): number {
  return 2 ** KPM_WRITE_KEYS.indexOf(key);
}

function changedMask(keys: readonly (keyof KpmValues)[]): number {
  let mask = 0;
  for (const key of new Set(keys)) mask += changedBit(key);
  return mask;
}

/** The columns any family of the chunk changes, each with its bit. */
function changedColumns(chunk: readonly WriteItem[]): ChangedColumn[] {
  const keys = [...new Set(chunk.flatMap((item) => item.changedKeys))].sort();
  return keys.map((key) => ({ column: COLUMN_OF[key], bit: changedBit(key) }));
}

/**
 * A family writing NISNs for two or more members may move one between them (the plan allows it, plan-nisn.ts):
 * the members updated empty theirs first, each update then writes its own back, so the unique index never sees
 * one NISN twice midway. Only such families pay the statement.
 */
function clearMovedNisns(w: Writing, item: WriteItem): void {
  if (item.members.filter((m) => m.nisn).length < 2) return;
  const ids = item.members.filter((m) => m.id && m.nisn).map((m) => m.id as number);
  if (ids.length > 0) w.members.clearNisns(ids);
}

/** Updated families, staged with the columns each changes; one update per chunk, their members after it. */
export async function writeUpdates(w: Writing, updates: WriteItem[]): Promise<void> {
  const writes = prepareUpdateWrites(w.conn, KPM_WRITE_COLUMNS, stampOf(w));
  updates.forEach((item, seq) => {
    const summary = `Data KPM ${(item.values as KpmValues).nama} diubah melalui ${w.label}: ${item.changes.join(', ')}`;
    writes.stage(
      seq,
      item.targetId as number,
      summary,
      changedMask(item.changedKeys),
      kpmParams(item.values as KpmValues, pendampingOf(w, item)),
    );
  });
  for (let start = 0; start < updates.length; start += CHUNK) {
    const end = Math.min(updates.length, start + CHUNK);
    const chunk = updates.slice(start, end);
    writes.write(start, end, changedColumns(chunk), () => {
      for (const item of chunk) {
        const id = item.targetId as number;
        clearMovedNisns(w, item);
        for (const m of item.members) {
          if (m.id) w.members.update(id, m.id, m);
          else w.members.insert(id, m);
        }
      }
    });
    w.done += end - start;
    await w.checkpoint();
  }
  writes.drop();
}
