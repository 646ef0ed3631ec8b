/** A problem either stops its row (error) or only asks for a look (warning). */
export type ProblemSeverity = 'error' | 'warning';

/** The words the import screen, the problem file and the command line all use for the two kinds. */
export const SEVERITY_LABEL: Record<ProblemSeverity, string> = { error: 'Kesalahan', warning: 'Peringatan' };
