/** ID numbers (NIK, No. KK, NIP) read digit by digit: monospace keeps the columns aligned. */
export const monoInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const;
