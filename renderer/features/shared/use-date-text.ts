import { useEffect, useRef, useState } from 'react';
import { dateBoundsProblem, formatDayFirst, parseTypedDate } from '../../../main/domain/date-text';
import { todayIso } from '../../../main/domain/format';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const shown = (value: string | null | undefined) =>
  !value ? '' : ISO_DATE.test(value) ? formatDayFirst(value) : value;

/**
 * The date field's text and what it means: the ISO date it gives to the form, or the typed text with the reason
 * it is not a date. Only a changed value is given to `onChange`.
 */
export function useDateText(
  value: string | null | undefined,
  onChange: ((value: string) => void) | undefined,
  bounds: { min: string | undefined; max: string | undefined },
) {
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState<string | null>(null);
  const emitted = useRef(value);

  // A date set from outside (form reset, the birth date read from a NIK) replaces the text.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(shown(value));
    setProblem(null);
  }, [value]);

  const emit = (next: string) => {
    if (next === emitted.current) return;
    emitted.current = next;
    onChange?.(next);
  };

  const empty = () => {
    setText('');
    setProblem(null);
    emit('');
  };
  const choose = (iso: string) => {
    setText(formatDayFirst(iso));
    setProblem(null);
    emit(iso);
  };

  /** Reads what was typed, when the field is left or Enter is pressed. */
  const commit = () => {
    const parsed = parseTypedDate(text, todayIso());
    if (parsed === null) return empty();
    const outside = parsed.ok ? dateBoundsProblem(parsed.iso, bounds) : parsed.message;
    if (parsed.ok && !outside) return choose(parsed.iso);
    setProblem(outside);
    emit(text.trim());
  };

  /**
   * A date with its four-digit year is taken while typing, so what depends on it (the komponen/age warning)
   * shows before the field is left and the layout does not move under the click on Simpan. Shorter forms wait
   * for the field to be left: 160819 is already a date on its way to 16081985.
   */
  const type = (typed: string) => {
    setText(typed);
    const complete = /(?:^|\D)\d{4}$|^\d{8}$|^\d{4}-\d{2}-\d{2}$/.test(typed.trim());
    const parsed = complete ? parseTypedDate(typed, todayIso()) : null;
    if (parsed?.ok && !dateBoundsProblem(parsed.iso, bounds)) {
      setProblem(null);
      emit(parsed.iso);
    }
  };

  return { text, problem, empty, choose, commit, type };
}
