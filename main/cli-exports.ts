/**
 * Exports from the command line, the same service and bytes as the app's, logged with via
 * 'cli' as the system actor:
 *
 *   npm run cli -- export <templat> --db <file> --out <file> [--format xlsx|csv|csv-comma] [--mask-nik | --nik-lengkap]
 *
 * <templat> is a built-in key (penetapan, usulan, registry, awards, visits; graduation is penetapan's earlier
 * name) or an office template's name. NIKs leave
 * masked unless --nik-lengkap asks for them in full: the command line masks by default, as a terminal's
 * scrollback is no place for them.
 */
import { writeFileSync } from 'node:fs';
import type { Db } from '../db/open';
import { AppError } from './domain/errors';
import { BUILT_IN_TEMPLATES, type ExportFormat } from './domain/exports';
import { formatNumber } from './domain/format';
import { SYSTEM_ACTOR } from './services/actor';
import { runExport } from './services/exports/run';
import { findTemplate } from './services/exports/templates';

const FORMATS: Record<string, ExportFormat> = { xlsx: 'xlsx', csv: 'csv_semicolon', 'csv-comma': 'csv_comma' };

export interface ExportCommandOptions {
  out?: string;
  format?: string;
  'mask-nik'?: boolean;
  'nik-lengkap'?: boolean;
}

export async function exportCommand(db: Db, ref: string | undefined, options: ExportCommandOptions): Promise<string> {
  if (!ref) {
    const keys = BUILT_IN_TEMPLATES.map((t) => t.key).join(', ');
    throw new AppError('INVALID_INPUT', `Sebutkan templat ekspor: ${keys} atau nama templat kantor.`);
  }
  if (!options.out) throw new AppError('INVALID_INPUT', 'Sebutkan berkas yang ditulis dengan --out <berkas>.');
  if (options['mask-nik'] && options['nik-lengkap']) {
    throw new AppError('INVALID_INPUT', 'Pilih salah satu: --mask-nik atau --nik-lengkap.');
  }
  const format = options.format === undefined ? undefined : FORMATS[options.format];
  if (options.format !== undefined && !format) {
    throw new AppError(
      'INVALID_INPUT',
      `Format "${options.format}" tidak dikenal; pilih xlsx, csv (;) atau csv-comma (,).`,
    );
  }
  const found = findTemplate(db, ref);
  const template = { ...found, format: format ?? found.format };
  const nikMode = options['nik-lengkap'] ? 'full' : 'masked';
  const file = await runExport(db, SYSTEM_ACTOR, { templateKey: found.key, template, nikMode }, { via: 'cli' });
  writeFileSync(options.out, file.bytes);
  const nik = nikMode === 'full' ? 'NIK dan No. KK lengkap' : 'NIK dan No. KK disamarkan (--nik-lengkap untuk lengkap)';
  return [
    `Ekspor "${template.name}": ${formatNumber(file.rows)} baris ditulis ke ${options.out}.`,
    `${nik}. Tercatat di log ekspor #${file.logId}.`,
  ].join('\n');
}
