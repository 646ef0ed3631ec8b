/** Verifikasi komitmen (main/services/verkom). */
import { fileFilters } from '../domain/export-log';
import { todayIso } from '../domain/format';
import { type QuarterInput, quarterLabel } from '../domain/verkom';
import { logged } from '../services/exports/log';
import { seesFullNik } from '../services/security-settings';
import { nonCompliancePdf, nonComplianceXlsx } from '../services/verkom/files';
import { importHealthSheet, recordHealth } from '../services/verkom/health';
import { familyCommitments, quarterNonCompliance } from '../services/verkom/quarter';
import { commitSchoolForm, previewSchoolForm } from '../services/verkom/school-import';
import { getVerkomSettings, updateVerkomSettings } from '../services/verkom/settings';
import type { HandlersOf } from './handlers';
import type { verkomContract } from './verkom.contract';

const quarterLog = (input: QuarterInput) => ({
  kind: 'verkom_noncompliance' as const,
  templateName: `KPM tidak memenuhi komitmen ${quarterLabel(input.year, input.quarter)}`,
  filters: fileFilters({ triwulan: quarterLabel(input.year, input.quarter) }),
});

export const verkomHandlers = {
  'verkom.school.preview': ({ db, actor }, input) => previewSchoolForm(db, actor, input),
  'verkom.school.commit': ({ db, actor, clock }, input) => commitSchoolForm(db, actor, input, clock.now()),
  'verkom.health.record': ({ db, actor, clock }, input) => recordHealth(db, actor, input, clock.now()),
  'verkom.health.sheet': ({ db, actor, clock }, input) => importHealthSheet(db, actor, input, clock.now()),
  'verkom.quarter': ({ db, actor }, input) => quarterNonCompliance(db, actor, input),
  'verkom.quarterXlsx': async ({ db, actor }, input) => {
    const file = await nonComplianceXlsx(db, actor, input);
    const nikMode = seesFullNik(db, actor.role) ? ('full' as const) : ('masked' as const);
    return logged(db, actor, file, {
      ...quarterLog(input),
      templateKey: 'verkom.quarterXlsx',
      rows: file.rows,
      nikMode,
    });
  },
  'verkom.quarterPdf': async ({ db, actor, clock }, input) => {
    const file = await nonCompliancePdf(db, actor, input, todayIso(clock.now()));
    const nikMode = seesFullNik(db, actor.role) ? ('full' as const) : ('masked' as const);
    return logged(db, actor, file, {
      ...quarterLog(input),
      templateKey: 'verkom.quarterPdf',
      rows: file.pages,
      nikMode,
    });
  },
  'verkom.family': ({ db, actor }, input) => familyCommitments(db, actor, input),
  'verkom.settings.get': ({ db, actor }) => getVerkomSettings(db, actor),
  'verkom.settings.update': ({ db, actor }, input) => updateVerkomSettings(db, actor, input),
} satisfies HandlersOf<typeof verkomContract>;
