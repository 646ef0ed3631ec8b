/** Pendamping (the programme's field workers) and moving families between them. */
import { z } from 'zod';
import type { AuditEntry } from '../../db/schema';
import { pendampingSchema } from '../domain/schemas';
import type { PendampingRow } from '../services/pendamping';
import { id, method, none } from './method';

export const pendampingUpdateSchema = z.object({ id: z.number().int().positive(), data: pendampingSchema });

export const reassignSchema = z
  .object({
    toPendampingId: z.number().int().positive('Pilih pendamping tujuan.'),
    kpmIds: z
      .array(z.number().int().positive())
      .min(1)
      .max(100_000, 'Pilih paling banyak 100.000 KPM sekali pindah.')
      .optional(),
    fromPendampingId: z.number().int().positive().optional(),
  })
  .refine((v) => (v.kpmIds === undefined) !== (v.fromPendampingId === undefined), {
    message: 'Pilih KPM yang dipindah, atau pendamping asal.',
  });

export const pendampingContract = {
  'pendamping.list': method<PendampingRow[]>()(none, { duty: 'pendamping.view' }),
  'pendamping.get': method<PendampingRow & { history: AuditEntry[] }>()(id, { duty: 'pendamping.view' }),
  'pendamping.create': method<{ id: number }>()(pendampingSchema, { duty: 'pendamping.edit' }),
  'pendamping.update': method<{ id: number }>()(pendampingUpdateSchema, { duty: 'pendamping.edit' }),
  'pendamping.reassign': method<{ moved: number }>()(reassignSchema, { duty: 'pendamping.edit' }),
} as const;
