import { createTheme, Input } from '@mantine/core';

/**
 * One calm theme for long data-entry days: the government teal as primary, slightly larger default
 * text than Mantine's so office screens at 1366x768 stay readable.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  components: {
    // Tables of families are read row by row: keep rows compact but legible.
    Table: { defaultProps: { verticalSpacing: 6, highlightOnHover: true } },
    Modal: { defaultProps: { centered: true } },
    // Mantine paints the placeholder of a field with an error red, where it reads like typed text: an empty
    // required field looked filled in. The placeholder stays grey; the red border and message say what is wrong.
    Input: Input.extend({ styles: { input: { '--input-placeholder-color': 'var(--mantine-color-placeholder)' } } }),
  },
});
