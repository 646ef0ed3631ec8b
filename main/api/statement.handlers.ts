import { getStatement, recordStatement, suggestStatement } from '../services/graduation/statements';
import type { HandlersOf } from './handlers';
import type { statementContract } from './statement.contract';

export const statementHandlers = {
  'statement.get': ({ db }, input) => getStatement(db, input.candidateId),
  'statement.suggest': ({ db }, input) => suggestStatement(db, input.candidateId),
  'statement.record': ({ db, actor }, input) => recordStatement(db, actor, input),
} satisfies HandlersOf<typeof statementContract>;
