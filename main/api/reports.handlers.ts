import type { HandlersOf } from './handlers';
import type { reportsContract } from './reports.contract';

export const reportsHandlers = {} satisfies HandlersOf<typeof reportsContract>;
