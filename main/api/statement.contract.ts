/** The family's signed statement (surat pernyataan) that it is ready to graduate, with a suggestion to start from. */
import { GRADUATION_DUTIES, statementSchema } from '../domain/decision';
import { ROLES } from '../domain/enums';
import type { GraduationStatement, StatementSuggestion } from '../services/graduation/statements';
import { method } from './method';
import { candidateRef } from './verification.contract';

export type { GraduationStatement } from '../services/graduation/statements';

export const statementContract = {
  'statement.get': method<GraduationStatement | null>()(candidateRef, { roles: ROLES }),
  'statement.suggest': method<StatementSuggestion>()(candidateRef, { roles: ROLES }),
  'statement.record': method<GraduationStatement>()(statementSchema, { roles: GRADUATION_DUTIES.statement }),
} as const;
