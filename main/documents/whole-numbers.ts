/**
 * Data text whose numbers with slashes stay whole. pdfmake's line breaker (Unicode line breaking) may break
 * after a '/', so a decree or letter number such as 400.9/215/KEP/DINSOS/2026 becomes several pieces; justified
 * text then spreads those pieces apart like words, and the printout, a reader and pdftotext see
 * "400.9/215/ KEP/ DINSOS/2026" (measured on the surat keterangan). Every whitespace-free token holding a '/'
 * becomes one unbreakable inline (noWrap); the line still breaks at the spaces around it.
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import { plain } from './fonts';

const SLASHED_TOKEN = /(\S*\/\S*)/;

export function wholeNumbers(text: string): Content[] {
  return text
    .split(SLASHED_TOKEN)
    .filter((part) => part !== '')
    .flatMap((part): Content[] => {
      const runs = plain(part);
      if (!SLASHED_TOKEN.test(part)) return typeof runs === 'string' ? [runs] : runs;
      if (typeof runs === 'string') return [{ text: runs, noWrap: true }];
      // Nested text loses its style in pdfmake, so each font run carries noWrap itself.
      return runs.map((run) =>
        typeof run === 'string' ? { text: run, noWrap: true } : { ...(run as ContentText), noWrap: true },
      );
    });
}
