/** First run: is the office set up, the kabupaten/kota to choose from, and the setup itself. */
import { setupSchema } from '../domain/schemas';
import type { RegencyOption } from '../services/regions';
import { MB, method, none } from './method';

export const setupContract = {
  'setup.status': method<{ done: boolean }>()(none, { public: true }),
  'setup.regencies': method<RegencyOption[]>()(none, { public: true }),
  'setup.complete': method<{ done: true }>()(setupSchema, { public: true, maxBodyBytes: 2 * MB }),
} as const;
