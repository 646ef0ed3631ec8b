/**
 * The user's choices for a job's duplicates and unknown pendamping: checked against the plan they were made on,
 * and merged with the choices made before.
 */
import { AppError } from '../../domain/errors';
import { ALLOWED_CHOICES, type Choice, type ChoiceDefaults, type Choices, DEFAULTS_KEY, type Plan } from './plan-base';

export interface ChoicesInput {
  defaults?: Partial<ChoiceDefaults>;
  overrides?: Record<string, Choice>;
  createPendamping?: string[];
}

/** The overrides of the input that name no duplicate or a choice it does not allow, as field errors. */
function invalidOverrides(plan: Plan, overrides: Record<string, Choice>): Record<string, string> {
  const kinds = new Map(plan.duplicates.map((d) => [String(d.row), d.kind]));
  const invalid: Record<string, string> = {};
  for (const [row, choice] of Object.entries(overrides)) {
    const kind = kinds.get(row);
    if (!kind) invalid[`overrides.${row}`] = `Baris ${row} bukan data ganda yang perlu dipilih.`;
    else if (!ALLOWED_CHOICES[kind].includes(choice))
      invalid[`overrides.${row}`] = `Pilihan "${choice}" tidak berlaku untuk baris ${row}.`;
  }
  return invalid;
}

/** The choices after the input, made on plan; refuses an override the plan does not allow. */
export function choicesAfter(plan: Plan, choices: Choices, input: ChoicesInput): Choices {
  const invalid = invalidOverrides(plan, input.overrides ?? {});
  if (Object.keys(invalid).length > 0)
    throw new AppError('INVALID_INPUT', 'Ada pilihan yang tidak berlaku.', { fields: invalid });
  const defaults = { ...choices.defaults, ...(input.defaults ?? {}) };
  // "Perbarui semua" means all: a choice for a kind replaces the row choices made before for that kind.
  const reset = new Set(Object.keys(input.defaults ?? {}));
  const kept = plan.duplicates.filter((d) => !reset.has(DEFAULTS_KEY[d.kind]));
  const earlier = Object.fromEntries(
    kept.flatMap((d) => {
      const choice = choices.overrides[String(d.row)];
      return choice ? [[String(d.row), choice]] : [];
    }),
  );
  const overrides = { ...earlier, ...(input.overrides ?? {}) };
  const known = new Set(plan.unknownPendamping.map((u) => u.key));
  const createPendamping = input.createPendamping
    ? input.createPendamping.map((name) => name.trim()).filter((key) => known.has(key))
    : choices.createPendamping;
  return { defaults, overrides, createPendamping };
}
