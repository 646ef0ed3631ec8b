/** The office profile and the programme settings (benefit amounts per komponen). */
import type { Office } from '../../db/schema';
import { benefitAmountsSchema } from '../domain/benefit-amounts';
import { ROLES } from '../domain/enums';
import type { Komponen } from '../domain/komponen';
import { officeSchema } from '../domain/schemas';
import type { BenefitChangeImpact } from '../services/settings';
import { MB, method, none } from './method';

export const officeUpdateSchema = officeSchema.omit({ regencyCode: true });

export const settingsContract = {
  'office.get': method<Office>()(none, { roles: ROLES }),
  // The logo (about 1 MB as a data URL) rides along.
  'office.update': method<Office>()(officeUpdateSchema, { roles: ['admin'], maxBodyBytes: 2 * MB }),
  'settings.benefitAmounts': method<Record<Komponen, number>>()(none, { roles: ROLES }),
  /** How many active families' benefits a new table changes, asked before saving it. */
  'settings.benefitChangeImpact': method<BenefitChangeImpact>()(benefitAmountsSchema, { roles: ['admin'] }),
  'settings.updateBenefitAmounts': method<Record<Komponen, number>>()(benefitAmountsSchema, { roles: ['admin'] }),
} as const;
