/** The office profile and the programme settings (benefit amounts per komponen). */
import { z } from 'zod';
import type { Office } from '../../db/schema';
import { KOMPONEN, type Komponen } from '../domain/komponen';
import { officeSchema } from '../domain/schemas';
import { method, none } from './method';

export const officeUpdateSchema = officeSchema.omit({ regencyCode: true });

export const benefitAmountsSchema = z.object({
  amounts: z.record(z.enum(KOMPONEN), z.number().int('Nominal harus bilangan bulat rupiah.').min(0).max(100_000_000)),
});

export const settingsContract = {
  'office.get': method<Office>()(none),
  'office.update': method<Office>()(officeUpdateSchema, { roles: ['admin'] }),
  'settings.benefitAmounts': method<Record<Komponen, number>>()(none),
  'settings.updateBenefitAmounts': method<Record<Komponen, number>>()(benefitAmountsSchema, { roles: ['admin'] }),
} as const;
