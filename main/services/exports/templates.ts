/**
 * Export templates: the built-in ones (in code, main/domain/exports.ts) and the office's own, made by copying
 * one and changing its columns, headers, filters, format or title row. Office templates are saved and deleted
 * with their audit in the same transaction; names are unique (also against the built-in ones, which the
 * command line takes by name too).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { byNameNoCase, equalsNoCase, exportTemplatesNamed } from '../../../db/queries/fragments';
import { type ExportTemplate, exportTemplates } from '../../../db/schema';
import { EXPORT_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import {
  BUILT_IN_PREFIX,
  BUILT_IN_TEMPLATES,
  type BuiltInTemplate,
  type ExportColumn,
  type ExportFilters,
  type ExportFormat,
  type ExportKind,
  type ExportTemplateInput,
  findBuiltIn,
  OFFICE_PREFIX,
} from '../../domain/exports';
import { type Actor, requireRole } from '../actor';
import { writeAudit } from '../audit';
import { inWriteTransaction } from '../documents/numbering';
import { columnsOf } from './query';

/** A template as the page shows it: built-in ones ('bawaan:<key>') are copied before they are changed. */
export interface ExportTemplateView {
  key: string;
  id: number | null;
  builtIn: boolean;
  name: string;
  kind: ExportKind;
  columns: ExportColumn[];
  filters: ExportFilters;
  format: ExportFormat;
  titleRow: string | null;
}

const builtInView = (t: BuiltInTemplate): ExportTemplateView => ({
  key: `${BUILT_IN_PREFIX}${t.key}`,
  id: null,
  builtIn: true,
  name: t.name,
  kind: t.kind,
  columns: t.columns.map((c) => ({ ...c })),
  filters: { ...t.filters },
  format: t.format,
  titleRow: t.titleRow,
});

const officeView = (t: ExportTemplate): ExportTemplateView => ({
  key: `${OFFICE_PREFIX}${t.id}`,
  id: t.id,
  builtIn: false,
  name: t.name,
  kind: t.kind,
  columns: t.columns,
  filters: t.filters,
  format: t.format,
  titleRow: t.titleRow,
});

/** The built-in templates first, then the office's own by name. */
export function listTemplates(db: Db): ExportTemplateView[] {
  const own = db
    .select()
    .from(exportTemplates)
    .orderBy(byNameNoCase(exportTemplates.name), asc(exportTemplates.id))
    .all();
  return [...BUILT_IN_TEMPLATES.map(builtInView), ...own.map(officeView)];
}

/**
 * A template by its key ('bawaan:penetapan', 'templat:12'), a built-in's short key ('penetapan', or its earlier
 * name 'graduation') or an office template's name (the command line).
 */
export function findTemplate(db: Db, ref: string): ExportTemplateView {
  const wanted = ref.trim();
  const short = wanted.startsWith(BUILT_IN_PREFIX) ? wanted.slice(BUILT_IN_PREFIX.length) : wanted;
  const builtIn = findBuiltIn(short);
  if (builtIn) return builtInView(builtIn);
  const id = wanted.startsWith(OFFICE_PREFIX) ? Number(wanted.slice(OFFICE_PREFIX.length)) : null;
  const row = db
    .select()
    .from(exportTemplates)
    .where(id !== null ? eq(exportTemplates.id, id) : equalsNoCase(exportTemplates.name, wanted))
    .get();
  if (!row) {
    const keys = BUILT_IN_TEMPLATES.map((t) => t.key).join(', ');
    throw new AppError('NOT_FOUND', `Templat ekspor "${wanted}" tidak ada. Templat bawaan: ${keys}.`);
  }
  return officeView(row);
}

function assertNameFree(db: Db, name: string, ownId: number | undefined) {
  const lower = name.toLocaleLowerCase('id-ID');
  const builtIn =
    findBuiltIn(lower) !== undefined || BUILT_IN_TEMPLATES.some((t) => t.name.toLocaleLowerCase('id-ID') === lower);
  const same = exportTemplatesNamed(db, name);
  if (builtIn || same.some((r) => r.id !== ownId)) {
    const message = `Nama templat "${name}" sudah dipakai; pilih nama lain.`;
    throw new AppError('DUPLICATE', message, { fields: { name: message } });
  }
}

/** Creates (no id) or changes an office template; its columns are checked against the kind's catalogue. */
export function saveTemplate(db: Db, actor: Actor, input: ExportTemplateInput & { id?: number }): ExportTemplateView {
  requireRole(actor, EXPORT_DUTIES.templates);
  columnsOf(input.kind, input.columns);
  const now = new Date().toISOString();
  const values = {
    name: input.name,
    kind: input.kind,
    columns: input.columns,
    filters: input.filters,
    format: input.format,
    titleRow: input.titleRow || null,
    updatedAt: now,
  };
  return inWriteTransaction(db, () => {
    assertNameFree(db, input.name, input.id);
    if (input.id === undefined) {
      const created = db
        .insert(exportTemplates)
        .values({ ...values, createdBy: actor.username, createdAt: now })
        .returning()
        .get();
      writeAudit(db, actor, {
        action: 'create',
        entity: 'export_template',
        entityId: created.id,
        summary: `Templat ekspor "${created.name}" dibuat`,
        after: created,
      });
      return officeView(created);
    }
    const before = db.select().from(exportTemplates).where(eq(exportTemplates.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', 'Templat ekspor tidak ditemukan.');
    const updated = db.update(exportTemplates).set(values).where(eq(exportTemplates.id, before.id)).returning().get();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'export_template',
      entityId: updated.id,
      summary: `Templat ekspor "${updated.name}" diubah`,
      before,
      after: updated,
    });
    return officeView(updated);
  });
}

export function deleteTemplate(db: Db, actor: Actor, id: number): { done: true } {
  requireRole(actor, EXPORT_DUTIES.templates);
  return inWriteTransaction(db, () => {
    const before = db.select().from(exportTemplates).where(eq(exportTemplates.id, id)).get();
    if (!before) throw new AppError('NOT_FOUND', 'Templat ekspor tidak ditemukan.');
    db.delete(exportTemplates).where(eq(exportTemplates.id, id)).run();
    writeAudit(db, actor, {
      action: 'delete',
      entity: 'export_template',
      entityId: id,
      summary: `Templat ekspor "${before.name}" dihapus`,
      before,
    });
    return { done: true as const };
  });
}
