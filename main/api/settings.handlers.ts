import { getBenefitAmounts } from '../services/kpm';
import { benefitChangeImpact, updateBenefitAmounts, updateOffice } from '../services/settings';
import type { HandlersOf } from './handlers';
import type { settingsContract } from './settings.contract';
import { officeOf } from './setup.handlers';

export const settingsHandlers = {
  'office.get': ({ db }) => officeOf(db),
  'office.update': ({ db, actor }, input) => updateOffice(db, actor, input),
  'settings.benefitAmounts': ({ db }) => getBenefitAmounts(db),
  'settings.benefitChangeImpact': ({ db }, input) => benefitChangeImpact(db, input.amounts),
  'settings.updateBenefitAmounts': ({ db, actor }, input) => updateBenefitAmounts(db, actor, input.amounts),
} satisfies HandlersOf<typeof settingsContract>;
