/** The family's signed statement (surat pernyataan) that it is ready to graduate, with a suggestion to start from. */
import { statementSchema } from '../domain/decision';
import type { GraduationStatement, StatementSuggestion } from '../services/graduation/statements';
import { method } from './method';
import { candidateRef } from './verification.contract';

export type { GraduationStatement } from '../services/graduation/statements';

export const statementContract = {
  'statement.get': method<GraduationStatement | null>()(candidateRef, { duty: 'graduation.view' }),
  'statement.suggest': method<StatementSuggestion>()(candidateRef, { duty: 'graduation.view' }),
  'statement.record': method<GraduationStatement>()(statementSchema, { duty: 'graduation.statement' }),
} as const;
