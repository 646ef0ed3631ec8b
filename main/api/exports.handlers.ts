import { AppError } from '../domain/errors';
import type { exportsContract } from './exports.contract';
import type { HandlersOf } from './handlers';

// Foundation only: the exports engineer replaces every handler with the service call.
const notBuilt = (): never => {
  throw new AppError('CONFLICT', 'Ekspor belum tersedia.');
};

export const exportsHandlers = {
  'exports.catalogue': notBuilt,
  'exports.templates': notBuilt,
  'exports.count': notBuilt,
  'exports.saveTemplate': notBuilt,
  'exports.deleteTemplate': notBuilt,
  'exports.run': notBuilt,
  'exports.log': notBuilt,
} satisfies HandlersOf<typeof exportsContract>;
