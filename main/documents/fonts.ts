/**
 * The fonts every document prints with, shipped with the app (never the PC's fonts): Tinos, the
 * Times-metric serif Indonesian letters are set in, from @fontsource/tinos. Fontsource splits a font into
 * unicode subsets; 'latin' covers ASCII, Latin-1 (é, ñ, ü), the typographic apostrophes and quotes (’ ‘ “ ”)
 * and dashes, which is what Indonesian names and texts use. 'latin-ext' (ā, ś, ṣ, ğ, ő ...) is registered as a
 * second family, and text is split into runs so such letters print from it (pdfmake has no font fallback).
 * Scripts outside both (Arabic, Javanese script, CJK, emoji) are not covered and print as blanks.
 */

import { join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content } from 'pdfmake/interfaces';
import { fontFolder } from './font-files';

export const FONT = 'Tinos';
const FONT_EXT = 'TinosExt';

const STYLES = { normal: '400-normal', bold: '700-normal', italics: '400-italic', bolditalics: '700-italic' };

/** The configured pdfmake singleton: the shipped fonts, no URL and no other local file access. */
export type PdfMake = typeof pdfmake;

let ready: PdfMake | null = null;

export function pdfMake(): PdfMake {
  if (ready) return ready;
  const pm = pdfmake as PdfMake;
  const fontFiles = new Set<string>();
  const family = (subset: string) => {
    const files: Record<string, string> = {};
    for (const [style, file] of Object.entries(STYLES)) {
      const path = join(fontFolder(), `tinos-${subset}-${file}.woff`);
      fontFiles.add(path);
      files[style] = path;
    }
    return files as { normal: string; bold: string; italics: string; bolditalics: string };
  };
  // The fonts by their paths, not as virtual files: the text of an SVG (the printed charts) opens its font by
  // the name pdfmake gives it, straight from the disk, where a virtual file's name failed and fell back to
  // Helvetica.
  pm.setFonts({ [FONT]: family('latin'), [FONT_EXT]: family('latin-ext') });
  // Everything a document prints is in the document definition or is one of the fonts: a string that would
  // reach the network or the disk (an image path in a data field) is refused, not fetched.
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path: string) => fontFiles.has(path));
  ready = pm;
  return pm;
}

/** Characters of the latin subset (its unicode-range in @fontsource/tinos latin-400.css). */
const LATIN =
  '\\u0000-\\u00ff\\u0131\\u0152\\u0153\\u02bb\\u02bc\\u02c6\\u02da\\u02dc\\u0304\\u0308\\u0329\\u2000-\\u206f\\u20ac\\u2122\\u2191\\u2193\\u2212\\u2215\\ufeff\\ufffd';
const OUTSIDE_LATIN = new RegExp(`[^${LATIN}]`);
const RUNS = new RegExp(`[${LATIN}]+|[^${LATIN}]+`, 'g');

/**
 * A data string as pdfmake text: the string itself when the latin subset covers it (nearly always), else
 * runs where the other letters take the latin-ext family. Never interpreted: pdfmake prints text as is.
 */
export function plain(text: string): string | Content[] {
  if (!OUTSIDE_LATIN.test(text)) return text;
  return (text.match(RUNS) ?? []).map((run) => (OUTSIDE_LATIN.test(run) ? { text: run, font: FONT_EXT } : run));
}
