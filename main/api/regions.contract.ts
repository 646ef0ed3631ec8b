/** The kecamatan and desa/kelurahan of the office's kabupaten/kota. */
import { z } from 'zod';
import type { Region } from '../../db/schema';
import { method, none } from './method';

export const villagesSchema = z.object({ districtCode: z.string().regex(/^\d{6}$/) });

export const regionsContract = {
  'regions.districts': method<Region[]>()(none, { duty: 'regions.view' }),
  'regions.villages': method<Region[]>()(villagesSchema, { duty: 'regions.view' }),
} as const;
