import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { FieldWarning } from '../../../main/api/kpm.contract';

/** Put a field's warning under its input, where the eye goes after typing. */
export const WARNING_ORDER: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

/** Warnings shown at their fields (as the field's description, in amber). */
export function useFieldWarnings(warnings: FieldWarning[]) {
  return (field: string): ReactNode => {
    // The form's own checks and the server's may say the same thing once it has been asked to save.
    const own = [...new Set(warnings.filter((w) => w.field === field).map((w) => w.message))];
    if (own.length === 0) return undefined;
    return own.map((message) => (
      <Text key={message} span size="xs" c="orange.8" fw={500} display="block">
        ⚠ {message}
      </Text>
    ));
  };
}

export type WarningFor = ReturnType<typeof useFieldWarnings>;
