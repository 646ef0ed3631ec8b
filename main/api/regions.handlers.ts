import { listRegions } from '../services/regions';
import type { HandlersOf } from './handlers';
import type { regionsContract } from './regions.contract';

export const regionsHandlers = {
  'regions.districts': ({ db }) => listRegions(db, 'district'),
  'regions.villages': ({ db }, input) => listRegions(db, 'village', input.districtCode),
} satisfies HandlersOf<typeof regionsContract>;
