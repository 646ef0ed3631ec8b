/** The long-jobs worker file for the import's read-and-check stage and its plan, and the school attendance form. */
import { type ImportCheckPayload, runImportCheck } from '../services/import/check-worker';
import { type ImportPlanPayload, runImportPlan } from '../services/import/plan-worker';
import { runReadSchoolForm, type SchoolFormPayload } from '../services/verkom/school-form';
import { serve } from './serve';

export default serve({
  'import-check': (payload: ImportCheckPayload, post, paced) => runImportCheck(payload, post, paced),
  'import-plan': (payload: ImportPlanPayload, post, paced) => runImportPlan(payload, post, paced),
  'read-school-form': (payload: SchoolFormPayload) => runReadSchoolForm(payload),
});
