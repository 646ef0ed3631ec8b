/**
 * Text and dates the graduation, award and document services take outside a form schema (a reason, a decree's
 * number, a handover date), checked by the field checks (field-checks.ts) with the same messages as the forms.
 */
import { AppError } from '../../domain/errors';
import { type Checked, checkDate, checkText } from '../../domain/field-checks';

/** The value of a field check, or INVALID_INPUT naming the field. */
export function checkedValue<T>(checked: Checked<T>, field: string): T {
  if (!checked.ok) throw new AppError('INVALID_INPUT', checked.message, { fields: { [field]: checked.message } });
  return checked.value;
}

export const requiredText = (label: string, max: number, raw: string, field: string) =>
  checkedValue(checkText({ label, kind: 'text', max, required: true }, raw), field);
export const optionalText = (label: string, max: number, raw: string, field: string, multiline = false) =>
  checkedValue(checkText({ label, kind: 'text', max, multiline }, raw), field);
/** A recorded date: a real date, from 2007 (PKH's start) to today. */
export const pastDate = (label: string, raw: string, field: string) =>
  checkedValue(checkDate({ label, kind: 'date', earliest: '2007-01-01' }, raw), field);
