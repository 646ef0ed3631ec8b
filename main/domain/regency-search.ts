/**
 * Finding a kabupaten/kota by the way people write it: "kab pamekasan", "kab. pamekasan", "kabupaten
 * pamekasan", "kota pekalongan", "kt. pekalongan" or just "pekalongan". The official names read
 * "Kabupaten X" and "Kota X".
 */
const ABBREVIATIONS: Record<string, string> = { kab: 'kabupaten', kabupaten: 'kabupaten', kt: 'kota', kota: 'kota' };

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word);
}

/** Whether every word typed starts a word of the name ("pame" finds Pamekasan, "kab" finds Kabupaten). */
export function regencyMatches(name: string, typed: string): boolean {
  const wanted = words(typed);
  const have = words(name);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}
