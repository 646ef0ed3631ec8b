/**
 * Rupiah as staff type and paste them: 1250000, 1.250.000, Rp1.250.000, "Rp 1.250.000". Rupiah are whole
 * (DESIGN.md: money is integer rupiah), so a comma decimal such as 1250000,50 is refused, never read as
 * 125000050; a dot is always a thousands separator, as in Indonesian writing.
 */
export type TypedRupiah = { ok: true; value: number } | { ok: false; message: string };

const SHAPE = /^(-?)(?:rp\.?)?\s*(-?)([\d.\s]+)$/i;

/** The amount typed, or the reason it cannot be read; null when nothing (or only "Rp") was typed. */
export function parseRupiah(typed: string): TypedRupiah | null {
  const text = typed.trim();
  if (text === '' || /^rp\.?$/i.test(text)) return null;
  if (/,/.test(text)) {
    return { ok: false, message: 'Rupiah ditulis bulat tanpa sen: hapus koma dan angka di belakangnya.' };
  }
  const m = SHAPE.exec(text);
  const digits = m?.[3].replace(/[.\s]/g, '') ?? '';
  if (!m || digits === '')
    return { ok: false, message: `"${text}" bukan jumlah rupiah: tulis angka, misalnya 1.250.000.` };
  // Beyond 15 digits a double no longer holds every whole number; no amount here comes near it.
  if (digits.length > 15) return { ok: false, message: 'Jumlah rupiah terlalu besar.' };
  const value = Number(digits);
  return { ok: true, value: m[1] || m[2] ? -value || 0 : value };
}
