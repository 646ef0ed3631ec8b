/**
 * A plan's items and a file's families as they cross from the long-jobs worker to the main process and stay
 * there: JSON in buffers, transferred (not copied) and decoded only when written or downloaded. Sent as
 * objects, 100,000 families took seconds of the main thread to receive and were held by both threads. A
 * family's values travel as an array in KPM_WRITE_KEYS order: with their names repeated in every record the
 * buffers of 100,000 families and their plan were twice as large (81 MB). JSON rather than v8.serialize: the
 * records are plain strings, numbers and null, and JSON encoded and decoded them about twice as fast (100,000
 * items: 0.3 s instead of 0.7 s each way).
 */
import { KPM_WRITE_KEYS } from './kpm-columns';
import type { KpmValues, PlannedFamily } from './plan-base';
import type { FamilyRecord, FamilyValues } from './types';

/** What the commit and the problem download read of a planned family: no copy of the family's own values. */
export type WriteItem = Omit<PlannedFamily, 'family' | 'note'> & { row: number; rows: readonly number[] };

/** A plan's items (or a file's families) in order, chunk by chunk, each a buffer of its own (transferable). */
export type EncodedItems = readonly ArrayBuffer[];

/**
 * Records per buffer: one decodes in a few milliseconds, so a commit decoding them can turn between chunks, and
 * the encoder's string stays small (one buffer of 100,000 families doubled to 64 MB on its way to 36 MB).
 */
export const ITEM_CHUNK = 5000;

/** The encoded bytes as their own ArrayBuffer, copied only when they share a larger one (a small chunk). */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength) return bytes.buffer as ArrayBuffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The values in KPM_WRITE_KEYS order after a mask of the keys the record does not have: JSON writes an absent
 * value as null, which for a value is a value of its own (a field emptied).
 */
type ValueArray = [absent: number, ...values: unknown[]];

function valueArray(values: Partial<KpmValues>): ValueArray {
  let absent = 0;
  const array: ValueArray = [0];
  for (let i = 0; i < KPM_WRITE_KEYS.length; i++) {
    const value = values[KPM_WRITE_KEYS[i]];
    if (value === undefined) absent += 2 ** i;
    array.push(value === undefined ? null : value);
  }
  array[0] = absent;
  return array;
}

/** The values object again, without the keys the record did not have. */
function valueObject<T>(array: ValueArray): T {
  const values: Record<string, unknown> = {};
  const absent = array[0];
  // A new family has every value: no key to test (the commit decodes 100,000 of them).
  if (absent === 0) for (let i = 0; i < KPM_WRITE_KEYS.length; i++) values[KPM_WRITE_KEYS[i]] = array[i + 1];
  else
    for (let i = 0; i < KPM_WRITE_KEYS.length; i++)
      if (Math.floor(absent / 2 ** i) % 2 === 0) values[KPM_WRITE_KEYS[i]] = array[i + 1];
  return values as T;
}

/**
 * Records per piece of a chunk's JSON text: a piece's text is a small string, which the young generation
 * collects at once. One text per chunk (about 1.8 MB) was a large object, kept until a full collection:
 * encoding the items and families of 100,000 rows grew the worker's heap by 90 MB.
 */
const PIECE = 100;

/** One chunk's records as a JSON array, written piece by piece into its own buffer. */
function encodeChunk<T>(records: readonly T[], each: (value: T) => unknown): ArrayBuffer {
  const pieces: Buffer[] = [];
  for (let start = 0; start < records.length; start += PIECE) {
    const text = JSON.stringify(records.slice(start, start + PIECE).map(each));
    pieces.push(Buffer.from(`${start === 0 ? '[' : ','}${text.slice(1, -1)}`));
  }
  pieces.push(Buffer.from(records.length === 0 ? '[]' : ']'));
  return ownBuffer(Buffer.concat(pieces));
}

function decodeChunk<T>(chunk: ArrayBuffer): T[] {
  return JSON.parse(Buffer.from(chunk).toString('utf8')) as T[];
}

/**
 * An item as a tuple in a fixed order: with its field names written out in every record, the names were 40% of
 * the items' JSON (33 MB for 100,000 families), which the worker had to write and the commit to parse.
 */
type EncodedItem = [
  action: WriteItem['action'],
  targetId: number | null,
  pendampingNew: string | null,
  values: ValueArray | null,
  members: WriteItem['members'],
  changes: WriteItem['changes'],
  changedKeys: WriteItem['changedKeys'],
  row: number,
  rows: readonly number[],
];

function encodedItem(item: PlannedFamily): EncodedItem {
  const { family, values } = item;
  return [
    item.action,
    item.targetId,
    item.pendampingNew,
    values && valueArray(values),
    item.members,
    item.changes,
    item.changedKeys,
    family.row,
    family.rows,
  ];
}

/**
 * Encodes the plan's items and, with families, the file's families they were planned from (item i is family
 * i), chunk by chunk, emptying each chunk's slots once encoded (the caller gives the list up). Families and
 * items encoded together leave the worker's heap as they are encoded; encoded one list after the other, the
 * families lived on through the items' encoding and the heap grew by 170 MB over a plan of 100,000 families.
 */
export function encodePlanned(
  items: (PlannedFamily | undefined)[],
  withFamilies: boolean,
): { items: ArrayBuffer[]; families: ArrayBuffer[] } {
  const encoded: { items: ArrayBuffer[]; families: ArrayBuffer[] } = { items: [], families: [] };
  for (let start = 0; start < items.length; start += ITEM_CHUNK) {
    const end = Math.min(items.length, start + ITEM_CHUNK);
    const chunk = items.slice(start, end) as PlannedFamily[];
    items.fill(undefined, start, end);
    encoded.items.push(encodeChunk(chunk, encodedItem));
    if (withFamilies) encoded.families.push(encodeChunk(chunk, ({ family }) => encodedFamily(family)));
  }
  return encoded;
}

/** Encodes the plan's items; the list is emptied on the way. */
export function encodeItems(items: (PlannedFamily | undefined)[]): ArrayBuffer[] {
  return encodePlanned(items, false).items;
}

export function decodeItems(chunk: ArrayBuffer): WriteItem[] {
  return decodeChunk<EncodedItem>(chunk).map(
    ([action, targetId, pendampingNew, values, members, changes, changedKeys, row, rows]) => ({
      action,
      targetId,
      pendampingNew,
      values: values && valueObject<KpmValues>(values),
      members,
      changes,
      changedKeys,
      row,
      rows,
    }),
  );
}

/** A family as a tuple in a fixed order (see EncodedItem); an absent pendamping or districtOnly is null. */
type EncodedFamily = [
  row: number,
  rows: number[],
  values: ValueArray,
  pendamping: FamilyRecord['pendamping'] | null,
  members: FamilyRecord['members'],
  error: boolean,
  districtOnly: string | null,
];

function encodedFamily(family: FamilyRecord): EncodedFamily {
  return [
    family.row,
    family.rows,
    valueArray(family.values),
    family.pendamping ?? null,
    family.members,
    family.error,
    family.districtOnly ?? null,
  ];
}

/** Encodes the file's families. */
export function encodeFamilies(families: readonly FamilyRecord[]): ArrayBuffer[] {
  const chunks: ArrayBuffer[] = [];
  for (let start = 0; start < families.length; start += ITEM_CHUNK)
    chunks.push(encodeChunk(families.slice(start, start + ITEM_CHUNK), encodedFamily));
  return chunks;
}

export function decodeFamilies(chunks: EncodedItems): FamilyRecord[] {
  return chunks.flatMap((chunk) =>
    decodeChunk<EncodedFamily>(chunk).map(([row, rows, values, pendamping, members, error, districtOnly]) => {
      const family: FamilyRecord = { row, rows, values: valueObject<FamilyValues>(values), members, error };
      if (pendamping) family.pendamping = pendamping;
      if (districtOnly !== null) family.districtOnly = districtOnly;
      return family;
    }),
  );
}
