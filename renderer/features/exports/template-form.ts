import { useForm } from '@mantine/form';
import type { ExportTemplateView } from '../../../main/api/exports.contract';
import { type ExportFilters, type ExportTemplateInput, exportTemplateSchema } from '../../../main/domain/exports';
import { zodValidate } from '../shared/errors';

const validateSchema = zodValidate(exportTemplateSchema);

/** The page's working copy of a template: what an export runs with, saved only when the user asks. */
export function useTemplateForm(template: ExportTemplateView) {
  return useForm<ExportTemplateInput>({
    initialValues: toInput(template),
    validateInputOnChange: true,
    validate: (values) => {
      const errors = validateSchema(values);
      const period = periodError(values.filters);
      if (period) errors['filters.periodTo'] = period;
      return errors;
    },
  });
}

/** A period that ends before it starts would export nothing: said at the field instead. */
export function periodError({ periodFrom, periodTo }: ExportFilters): string | undefined {
  return periodFrom && periodTo && periodTo < periodFrom
    ? 'Tanggal sampai tidak boleh sebelum tanggal dari.'
    : undefined;
}

export type TemplateForm = ReturnType<typeof useTemplateForm>;

export function toInput(template: ExportTemplateView): ExportTemplateInput {
  const { name, kind, columns, filters, format, titleRow } = template;
  return { name, kind, columns, filters, format, titleRow };
}

/** What goes to the contract: an empty title row is no title row. */
export function cleanInput(values: ExportTemplateInput): ExportTemplateInput {
  return { ...values, titleRow: values.titleRow?.trim() ? values.titleRow.trim() : null };
}

/** Sets filters, dropping the empty ones (the contract's filters are optional, not null). */
export function patchFilters(form: TemplateForm, patch: Partial<Record<keyof ExportFilters, unknown>>) {
  const next: Record<string, unknown> = { ...form.values.filters, ...patch };
  for (const [key, value] of Object.entries(next)) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      delete next[key];
    }
  }
  form.setFieldValue('filters', next as ExportFilters);
}
