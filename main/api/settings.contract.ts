/** The office profile and the programme settings (benefit amounts per komponen). */
import type { Office } from '../../db/schema';
import { benefitAmountsSchema } from '../domain/benefit-amounts';
import type { Komponen } from '../domain/komponen';
import { officeSchema } from '../domain/schemas';
import type { BenefitChangeImpact } from '../services/settings';
import { MB, method, none } from './method';

export const officeUpdateSchema = officeSchema.omit({ regencyCode: true });

export const settingsContract = {
  'office.get': method<Office>()(none, { duty: 'settings.view' }),
  // The logo (about 1 MB as a data URL) rides along.
  'office.update': method<Office>()(officeUpdateSchema, { duty: 'settings.edit', maxBodyBytes: 2 * MB }),
  'settings.benefitAmounts': method<Record<Komponen, number>>()(none, { duty: 'settings.view' }),
  /** How many active families' benefits a new table changes, asked before saving it. */
  'settings.benefitChangeImpact': method<BenefitChangeImpact>()(benefitAmountsSchema, { duty: 'settings.edit' }),
  'settings.updateBenefitAmounts': method<Record<Komponen, number>>()(benefitAmountsSchema, { duty: 'settings.edit' }),
} as const;
