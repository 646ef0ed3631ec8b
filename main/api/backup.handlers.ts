import type { backupContract } from './backup.contract';
import type { HandlersOf } from './handlers';

export const backupHandlers = {} satisfies HandlersOf<typeof backupContract>;
