import { TextInput, type TextInputProps } from '@mantine/core';
import { type ChangeEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { formatRupiah } from '../../../main/domain/format';
import { parseRupiah } from '../../../main/domain/rupiah';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** Whole rupiah; null when the field is empty; NaN while the text cannot be read as rupiah. */
  value?: number | null;
  onChange?: (value: number | null) => void;
};

const shown = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? '' : formatRupiah(value);
const digitsIn = (text: string) => text.replace(/\D/g, '');

/** The index in `text` just after its `count`-th digit (at the first digit when count is 0). */
function afterDigits(text: string, count: number): number {
  if (count === 0) return Math.max(text.search(/\d/), 0);
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\d/.test(text[i]) && ++seen === count) return i + 1;
  }
  return text.length;
}

/**
 * The one input for rupiah: typed, pasted ("Rp1.250.000", "1250000") and shown as Rp1.250.000 while typing.
 * Emptied it is empty (null), never Rp0; a comma decimal is refused at the field and kept as typed, since
 * rupiah are whole (main/domain/rupiah.ts). The cursor stays after the same digit as the dots move.
 */
export function MoneyInput({ value, onChange, error, ...props }: Props) {
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState<string | null>(null);
  const emitted = useRef(value);
  const caretDigits = useRef<number | null>(null);
  const ref = useRef<HTMLInputElement>(null);

  // A value set from outside (form reset, another field's rule) replaces the text.
  useEffect(() => {
    if (Object.is(value, emitted.current)) return;
    emitted.current = value;
    setText(shown(value));
    setProblem(null);
  }, [value]);

  useLayoutEffect(() => {
    const input = ref.current;
    if (caretDigits.current === null || !input || document.activeElement !== input) return;
    const at = afterDigits(text, caretDigits.current);
    input.setSelectionRange(at, at);
    caretDigits.current = null;
  });

  const emit = (next: number | null) => {
    emitted.current = next;
    onChange?.(next);
  };

  const change = (event: ChangeEvent<HTMLInputElement>) => {
    let raw = event.currentTarget.value;
    let caret = event.currentTarget.selectionStart ?? raw.length;
    // Backspace just after a thousands dot deletes the digit before it, not only the dot the format puts back.
    const backspace = (event.nativeEvent as InputEvent).inputType === 'deleteContentBackward';
    if (backspace && !problem && raw.length === text.length - 1 && digitsIn(raw) === digitsIn(text) && caret > 0) {
      raw = raw.slice(0, caret - 1) + raw.slice(caret);
      caret -= 1;
    }
    const parsed = parseRupiah(raw);
    if (parsed === null) {
      setText('');
      setProblem(null);
      emit(null);
    } else if (!parsed.ok) {
      setText(raw);
      setProblem(parsed.message);
      emit(Number.NaN);
    } else {
      caretDigits.current = digitsIn(raw.slice(0, caret)).length;
      setText(formatRupiah(parsed.value));
      setProblem(null);
      emit(parsed.value);
    }
  };

  return (
    <TextInput
      inputMode="numeric"
      autoComplete="off"
      placeholder="Rp"
      {...props}
      ref={ref}
      value={text}
      onChange={change}
      error={problem ?? error}
    />
  );
}
