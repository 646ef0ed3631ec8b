/**
 * A package priced against today's catalogue: catalogue items x quantity at the item's CURRENT
 * price, plus cash. The lines keep that price for good (award_lines), so a later price change leaves them be.
 * Checked against the programme's form (barang: no cash; uang: no goods) and its per-family range.
 */
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import { catalogueItemRows } from '../../../db/queries/awards';
import type { AwardItem, AwardProgram } from '../../../db/schema';
import { AWARD_FORM_LABEL, type packageSchema } from '../../domain/awards';
import { AppError } from '../../domain/errors';
import { formatRupiah } from '../../domain/format';

export type PackageInput = z.infer<typeof packageSchema>;

export interface PricedLine {
  itemId: number;
  itemName: string;
  unit: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface PricedPackage {
  lines: PricedLine[];
  cash: number;
  /** Goods + cash, in rupiah. */
  total: number;
}

const refuse = (message: string, field: string): never => {
  throw new AppError('INVALID_INPUT', message, { fields: { [field]: message } });
};

function catalogueItems(db: Db, ids: number[]): Map<number, AwardItem> {
  const rows = catalogueItemRows(db, ids);
  return new Map(rows.map((r) => [r.id as number, { ...r, active: r.active === 1 } as AwardItem]));
}

function assertForm(program: AwardProgram, pkg: PackageInput) {
  const form = AWARD_FORM_LABEL[program.form];
  if (program.form === 'barang' && pkg.lines.length === 0) {
    refuse(`Program "${program.name}" berbentuk ${form}: paket harus berisi barang.`, 'package.lines');
  }
  if (program.form === 'barang' && pkg.cash > 0) {
    refuse(`Program "${program.name}" berbentuk ${form}: paket tidak boleh berisi uang tunai.`, 'package.cash');
  }
  if (program.form === 'uang' && pkg.lines.length > 0) {
    refuse(`Program "${program.name}" berbentuk ${form}: paket tidak boleh berisi barang.`, 'package.lines');
  }
}

/** Prices the package at today's catalogue and checks it against the programme; throws with the field at fault. */
export function pricePackage(db: Db, program: AwardProgram, pkg: PackageInput): PricedPackage {
  assertForm(program, pkg);
  const items = catalogueItems(
    db,
    pkg.lines.map((l) => l.itemId),
  );
  const seen = new Set<number>();
  const lines = pkg.lines.map((line, i): PricedLine => {
    const item = items.get(line.itemId);
    if (!item) return refuse(`Barang baris ${i + 1} tidak ada di katalog.`, `package.lines.${i}.itemId`);
    if (!item.active) {
      return refuse(
        `Barang "${item.name}" (baris ${i + 1}) sudah dinonaktifkan di katalog.`,
        `package.lines.${i}.itemId`,
      );
    }
    if (seen.has(item.id)) {
      return refuse(
        `Barang "${item.name}" tercantum dua kali; gabungkan jumlahnya di satu baris.`,
        `package.lines.${i}.itemId`,
      );
    }
    seen.add(item.id);
    const { quantity } = line;
    return {
      itemId: item.id,
      itemName: item.name,
      unit: item.unit,
      quantity,
      unitPrice: item.unitPrice,
      amount: quantity * item.unitPrice,
    };
  });
  const total = lines.reduce((sum, l) => sum + l.amount, 0) + pkg.cash;
  if (total < program.minPerFamily || total > program.maxPerFamily) {
    refuse(
      `Nilai paket ${formatRupiah(total)} di luar batas per KPM program "${program.name}": ${formatRupiah(program.minPerFamily)} sampai ${formatRupiah(program.maxPerFamily)}.`,
      'package',
    );
  }
  return { lines, cash: pkg.cash, total };
}

/** '2 x Etalase kaca; 1 x Kompor gas; uang tunai Rp500.000' */
export function packageText(lines: { quantity: number; itemName: string }[], cash: number): string {
  const parts = lines.map((l) => `${l.quantity} x ${l.itemName}`);
  if (cash > 0) parts.push(`uang tunai ${formatRupiah(cash)}`);
  return parts.join('; ');
}
