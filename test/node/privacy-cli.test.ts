/** The command line prints NIK and No. KK masked unless --nik-lengkap is given. */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { maskNik } from '../../main/domain/identity';
import { csvFile, familyRow, headerRow, makeFamilies } from '../fixtures/messy-files';
import { runCli } from '../support/cli';
import { freshDb, placesOf } from './import-db';

const cli = async (...args: string[]) => {
  const result = await runCli(...args);
  if (result.code !== 0) throw new Error(`cli ${args[0]} ended with ${result.code}: ${result.stderr}`);
  return result.stdout;
};

let dbFile: string;
let file: string;
let families: ReturnType<typeof makeFamilies>;

beforeAll(async () => {
  const fresh = await freshDb();
  dbFile = fresh.file;
  families = makeFamilies(2, placesOf(fresh.db), { seed: 52 });
  fresh.db.$client.close();
  file = `${dbFile}.csv`;
  // The first family twice (a duplicate in the file, shown with its NIK) and a mangled No. KK (a problem).
  const [a, b] = families;
  writeFileSync(
    file,
    csvFile([
      headerRow('siksng'),
      familyRow(a, 'siksng'),
      familyRow({ ...a, nama: `${a.nama} X` }, 'siksng'),
      familyRow(b, 'siksng', { kk: 'scientific' }),
    ]),
  );
});

const kkProblem = (json: { problems: { header: string; value: string; message: string }[] }) =>
  json.problems.find((p) => /KK/.test(p.header)) as { value: string; message: string };

/** Every NIK and No. KK of the synthetic families, as full numbers. */
const numbers = () => families.flatMap((f) => [f.nik, f.noKk]);

describe('npm run cli -- import masks NIKs by default', () => {
  it('prints the dry-run report and --json without a full NIK or No. KK', async () => {
    for (const stdout of [
      await cli('import', file, '--db', dbFile),
      await cli('import', file, '--db', dbFile, '--json'),
    ]) {
      for (const n of numbers()) expect(stdout).not.toContain(n);
      expect(stdout).toContain(maskNik(families[0].nik));
    }
    const json = JSON.parse(await cli('import', file, '--db', dbFile, '--json'));
    expect(json.duplicates[0]).toMatchObject({ key: 'NIK', value: maskNik(families[0].nik) });
    // The No. KK Excel turned into 3.52E+15: its value and the sentence quoting it are masked too.
    expect(kkProblem(json)).toMatchObject({ value: '****', message: expect.stringContaining('nilai ****') });
  });

  it('prints them in full with --nik-lengkap', async () => {
    const text = await cli('import', file, '--db', dbFile, '--nik-lengkap');
    expect(text).toContain(families[0].nik);
    const json = JSON.parse(await cli('import', file, '--db', dbFile, '--json', '--nik-lengkap'));
    expect(json.duplicates[0]).toMatchObject({ key: 'NIK', value: families[0].nik });
    expect(kkProblem(json).value).toMatch(/E\+15$/);
  });
});
