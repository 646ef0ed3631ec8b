/**
 * Opens an uploaded file as rows of cells, whatever it is: .xlsx by its zip signature, delimited text
 * otherwise. Everything else (old .xls, a password-protected workbook, PDF, Word, an empty or cut-off file)
 * is refused with a message that says what to do.
 */
import { AppError } from '../../domain/errors';
import { type CsvSource, openCsv, type TextEncodingName } from './csv';
import { openXlsx, type SheetInfo, type SheetRow, type XlsxBook } from './xlsx-reader';
import { readZipDirectory, ZipError } from './zip';

export type FileKind = 'xlsx' | 'csv';

export interface OpenedFile {
  kind: FileKind;
  /** Sheet names (xlsx), in workbook order; csv has none. */
  sheets: SheetInfo[];
  encoding: TextEncodingName | null;
  delimiter: string | null;
  date1904: boolean;
  /** Progress unit total for reading the given sheet (bytes). */
  size(sheet: SheetInfo | null): number;
  rows(sheet: SheetInfo | null, onProgress?: (done: number) => void): AsyncGenerator<SheetRow[]>;
  /** Frees what reading cached (the shared strings of an xlsx). */
  release(): void;
}

const SAVE_AS_XLSX =
  'Buka berkas itu di Excel, pilih Simpan Sebagai (Save As) > "Buku Kerja Excel (*.xlsx)", lalu impor berkas .xlsx yang baru.';

function refuse(code: 'FILE_EMPTY' | 'FILE_CORRUPT' | 'FILE_PROTECTED' | 'FILE_UNSUPPORTED', message: string): never {
  throw new AppError(code, message);
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Looks for a UTF-16LE stream name in the directory of an OLE compound file. */
function cfbHasStream(buf: Buffer, name: string): boolean {
  return buf.includes(Buffer.from(name, 'utf16le'));
}

/** Decides what the bytes are; throws the Indonesian explanation for anything that is not xlsx or text. */
export function sniffFile(buf: Buffer): FileKind {
  if (buf.length === 0) refuse('FILE_EMPTY', 'Berkas kosong (0 byte). Pilih berkas yang berisi data KPM.');
  if (startsWith(buf, [0x50, 0x4b])) {
    let names: string[];
    try {
      names = [...readZipDirectory(buf).keys()];
    } catch (error) {
      if (error instanceof ZipError && error.reason === 'truncated') {
        refuse(
          'FILE_CORRUPT',
          'Berkas .xlsx ini terpotong atau tidak lengkap (mungkin salinan/unduhan terputus). Salin atau unduh ulang berkasnya; ' +
            'bila masih gagal, buka di Excel lalu simpan ulang.',
        );
      }
      refuse(
        'FILE_CORRUPT',
        'Berkas .xlsx ini rusak dan tidak dapat dibaca. Buka di Excel; bila bisa terbuka, simpan ulang lalu impor lagi.',
      );
    }
    if (names.some((n) => n.endsWith('workbook.xml'))) return 'xlsx';
    if (names.some((n) => n.endsWith('workbook.bin'))) {
      refuse('FILE_UNSUPPORTED', `Berkas ini berformat Excel Biner (.xlsb) yang tidak didukung. ${SAVE_AS_XLSX}`);
    }
    if (names.includes('content.xml')) {
      refuse('FILE_UNSUPPORTED', `Berkas ini berformat OpenDocument (.ods). ${SAVE_AS_XLSX}`);
    }
    if (names.some((n) => n.startsWith('word/'))) {
      refuse(
        'FILE_UNSUPPORTED',
        'Berkas ini dokumen Word, bukan lembar kerja. Pilih berkas Excel (.xlsx) atau CSV berisi data KPM.',
      );
    }
    refuse(
      'FILE_UNSUPPORTED',
      'Berkas ini arsip zip, bukan lembar kerja Excel. Pilih berkas .xlsx atau .csv berisi data KPM.',
    );
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (cfbHasStream(buf, 'EncryptedPackage') || cfbHasStream(buf, 'EncryptionInfo')) {
      refuse(
        'FILE_PROTECTED',
        'Buku kerja ini dilindungi kata sandi sehingga tidak dapat dibaca. Buka di Excel dengan kata sandinya, ' +
          'hapus kata sandi (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi.',
      );
    }
    if (cfbHasStream(buf, 'WordDocument')) {
      refuse(
        'FILE_UNSUPPORTED',
        'Berkas ini dokumen Word lama (.doc), bukan lembar kerja. Pilih berkas .xlsx atau .csv berisi data KPM.',
      );
    }
    refuse('FILE_UNSUPPORTED', `Berkas ini berformat Excel lama (.xls) yang tidak didukung. ${SAVE_AS_XLSX}`);
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) {
    refuse(
      'FILE_UNSUPPORTED',
      'Berkas ini PDF, bukan lembar kerja. Minta data aslinya dalam bentuk Excel (.xlsx) atau CSV.',
    );
  }
  if (
    startsWith(buf, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(buf, [0xff, 0xd8, 0xff]) ||
    startsWith(buf, [0x47, 0x49, 0x46])
  ) {
    refuse(
      'FILE_UNSUPPORTED',
      'Berkas ini gambar, bukan lembar kerja. Pilih berkas Excel (.xlsx) atau CSV berisi data KPM.',
    );
  }
  const head = buf
    .subarray(0, 2048)
    .toString('latin1')
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) {
    refuse('FILE_UNSUPPORTED', `Berkas ini berformat Lembar Kerja XML 2003. ${SAVE_AS_XLSX}`);
  }
  if (/^<(!doctype html|html|table|head|body)\b/.test(head)) {
    refuse(
      'FILE_UNSUPPORTED',
      `Berkas ini sebenarnya halaman web (HTML) walau bernama .xls, seperti ekspor beberapa aplikasi. ${SAVE_AS_XLSX}`,
    );
  }
  const utf16 = startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff]);
  if (!utf16 && buf.subarray(0, 8192).includes(0)) {
    refuse(
      'FILE_UNSUPPORTED',
      'Berkas ini bukan lembar kerja yang dikenal. Pilih berkas Excel (.xlsx) atau CSV (.csv, .txt) berisi data KPM.',
    );
  }
  if (buf.toString('latin1').trim() === '')
    refuse('FILE_EMPTY', 'Berkas hanya berisi spasi atau baris kosong. Pilih berkas yang berisi data KPM.');
  return 'csv';
}

export function openFile(buf: Buffer): OpenedFile {
  const kind = sniffFile(buf);
  if (kind === 'xlsx') {
    let book: XlsxBook;
    try {
      book = openXlsx(buf);
    } catch (error) {
      throw asFileError(error);
    }
    if (book.sheets.length === 0)
      refuse('FILE_EMPTY', 'Buku kerja ini tidak berisi lembar kerja (sheet). Periksa berkasnya di Excel.');
    return {
      kind,
      sheets: book.sheets,
      encoding: null,
      delimiter: null,
      date1904: book.date1904,
      size: (sheet) => book.sheetSize(sheet ?? book.sheets[0]),
      release: () => book.release(),
      async *rows(sheet, onProgress) {
        try {
          yield* book.rows(sheet ?? book.sheets[0], onProgress);
        } catch (error) {
          throw asFileError(error);
        }
      },
    };
  }
  const csv: CsvSource = openCsv(buf);
  return {
    kind,
    sheets: [],
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    date1904: false,
    size: () => csv.size,
    release: () => {},
    rows: (_sheet, onProgress) => csv.rows(onProgress),
  };
}

function asFileError(error: unknown): unknown {
  if (error instanceof ZipError) {
    if (error.reason === 'encrypted') {
      return new AppError(
        'FILE_PROTECTED',
        'Sebagian isi berkas ini terenkripsi. Simpan ulang berkas di Excel tanpa kata sandi, lalu impor lagi.',
      );
    }
    return new AppError(
      'FILE_CORRUPT',
      'Berkas .xlsx ini rusak atau tidak lengkap sehingga tidak dapat dibaca seluruhnya. Buka di Excel; bila bisa terbuka, simpan ulang lalu impor lagi.',
    );
  }
  return error;
}

export const DELIMITER_LABEL: Record<string, string> = {
  ',': 'koma (,)',
  ';': 'titik koma (;)',
  '|': 'garis tegak (|)',
  '\t': 'tab',
};
