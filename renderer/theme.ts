import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Input,
  type MantineColorsTuple,
  type MantineThemeColors,
} from '@mantine/core';

/**
 * Mantine's palette with a darker last shade where the default one is too light for text (WCAG 2.1 AA asks
 * 4.5:1). Shade 9 is both the filled colour (primaryShade) under white text and the text of light badges and
 * alerts on shade 1: Mantine's teal 9 measured 4.3:1 on teal 1, yellow 9 2.7:1 on yellow 1 (the "Direncanakan"
 * badge), green, orange and lime about 4:1. Each replacement is at least 4.6:1 on white and on its shade 1.
 */
const DARKER_LAST_SHADE: Record<string, string> = {
  teal: '#06714f',
  green: '#23773a',
  yellow: '#8f5b00',
  orange: '#b8400d',
  lime: '#4a7a0a',
};

function withDarkerLastShade(name: string, last: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]];
  // The old last shade becomes the hover of filled buttons (shade 8), still 5:1 under white text.
  if (name === 'teal') shades[8] = DEFAULT_THEME.colors.teal[9];
  shades[9] = last;
  return shades as unknown as MantineColorsTuple;
}

const colors = Object.fromEntries(
  Object.entries(DARKER_LAST_SHADE).map(([name, last]) => [name, withDarkerLastShade(name, last)]),
) as Partial<MantineThemeColors>;

/**
 * One calm theme for long data-entry days: the government teal as primary, slightly larger default
 * text than Mantine's so office screens at 1366x768 stay readable. Buttons, badges and the active navigation
 * item use shade 9, so white text on them reads at 6:1 (shade 6 gave 2.55:1).
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  colors,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "Cascadia Mono", Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  components: {
    // Tables of families are read row by row: keep rows compact but legible.
    Table: { defaultProps: { verticalSpacing: 6, highlightOnHover: true } },
    // An icon-only ✕ needs a name, or a screen reader announces only "button". "Tutup dialog", not "Tutup":
    // many dialogs have a "Tutup" button of their own, and the two must be told apart.
    Modal: { defaultProps: { centered: true, closeButtonProps: { 'aria-label': 'Tutup dialog' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup dialog' } } },
    InputClearButton: { defaultProps: { 'aria-label': 'Kosongkan isian' } },
    // Typing in a searchable select marks the first match, so Enter picks it instead of submitting the form.
    Select: { defaultProps: { selectFirstOptionOnChange: true } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } } },
    // Mantine paints the placeholder of a field with an error red, where it reads like typed text: an empty
    // required field looked filled in. The placeholder stays grey; the red border and message say what is wrong.
    Input: Input.extend({ styles: { input: { '--input-placeholder-color': 'var(--mantine-color-placeholder)' } } }),
  },
});

/**
 * Secondary ("dimmed") text in Mantine is gray 6, 3.3:1 on white and 3.15:1 on the page's gray 0: this grey
 * reads at 5:1 on both without changing the gray palette used by borders and placeholders.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Placeholders (gray 5, 2.1:1) a shade lighter than dimmed text but still 4.9:1.
  light: { '--mantine-color-dimmed': '#666d75', '--mantine-color-placeholder': '#6b7178' },
  dark: {},
});
