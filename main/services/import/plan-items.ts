/**
 * A plan's items and a file's families as they cross from the long-jobs worker to the main process and stay
 * there: v8-serialized buffers, transferred (not copied) and decoded only when written or downloaded. Sent as
 * objects, 100,000 families took seconds of the main thread to receive and were held by both threads. A
 * family's values travel as an array in KPM_WRITE_KEYS order: with their names repeated in every record the
 * buffers of 100,000 families and their plan were twice as large (81 MB).
 */
import { deserialize, serialize } from 'node:v8';
import { KPM_WRITE_KEYS } from './kpm-columns';
import type { KpmValues, PlannedFamily } from './plan-base';
import type { FamilyRecord, FamilyValues } from './types';

/** What the commit and the problem download read of a planned family: no copy of the family's own values. */
export type WriteItem = Omit<PlannedFamily, 'family' | 'note'> & { row: number; rows: readonly number[] };

/** A plan's items (or a file's families) in order, chunk by chunk, each a buffer of its own (transferable). */
export type EncodedItems = readonly ArrayBuffer[];

/**
 * Records per buffer: one decodes in a few milliseconds, so a commit decoding them can turn between chunks, and
 * the serializer's buffer stays small (one buffer of 100,000 families doubled to 64 MB on its way to 36 MB).
 */
export const ITEM_CHUNK = 5000;

/** The serialized bytes as their own ArrayBuffer, copied only when they share a larger one. */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength) return bytes.buffer as ArrayBuffer;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

type ValueArray = unknown[];

function valueArray(values: Partial<KpmValues>): ValueArray {
  return KPM_WRITE_KEYS.map((key) => values[key]);
}

/** The values object again, without the keys the record did not have. */
function valueObject<T>(array: ValueArray): T {
  const values: Record<string, unknown> = {};
  for (let i = 0; i < KPM_WRITE_KEYS.length; i++) if (array[i] !== undefined) values[KPM_WRITE_KEYS[i]] = array[i];
  return values as T;
}

/**
 * Encodes list chunk by chunk, emptying each chunk's slots once encoded (the caller gives the list up): what
 * is encoded can be collected while the rest is, instead of the records and their buffers living side by side.
 */
function encodeChunks<T>(list: (T | undefined)[], each: (value: T) => unknown): ArrayBuffer[] {
  const chunks: ArrayBuffer[] = [];
  for (let start = 0; start < list.length; start += ITEM_CHUNK) {
    const end = Math.min(list.length, start + ITEM_CHUNK);
    chunks.push(ownBuffer(serialize(list.slice(start, end).map((value) => each(value as T)))));
    list.fill(undefined, start, end);
  }
  return chunks;
}

function decodeChunk<T>(chunk: ArrayBuffer): T[] {
  return deserialize(Buffer.from(chunk)) as T[];
}

type EncodedItem = Omit<WriteItem, 'values'> & { values: ValueArray | null };

/** Encodes the plan's items; the list is emptied on the way. */
export function encodeItems(items: (PlannedFamily | undefined)[]): ArrayBuffer[] {
  return encodeChunks(
    items,
    ({ family, note: _note, values, ...rest }: PlannedFamily): EncodedItem => ({
      ...rest,
      values: values && valueArray(values),
      row: family.row,
      rows: family.rows,
    }),
  );
}

export function decodeItems(chunk: ArrayBuffer): WriteItem[] {
  return decodeChunk<EncodedItem>(chunk).map((item) => ({
    ...item,
    values: item.values && valueObject<KpmValues>(item.values),
  }));
}

type EncodedFamily = Omit<FamilyRecord, 'values'> & { values: ValueArray };

/** Encodes the file's families; the list is emptied on the way. */
export function encodeFamilies(families: (FamilyRecord | undefined)[]): ArrayBuffer[] {
  return encodeChunks(
    families,
    (family: FamilyRecord): EncodedFamily => ({
      ...family,
      values: valueArray(family.values),
    }),
  );
}

export function decodeFamilies(chunks: EncodedItems): FamilyRecord[] {
  return chunks.flatMap((chunk) =>
    decodeChunk<EncodedFamily>(chunk).map((family) => ({
      ...family,
      values: valueObject<FamilyValues>(family.values),
    })),
  );
}
