/**
 * One of the two processes of the concurrent budget test (test/node/awards-budget.test.ts): opens the database
 * file itself, says "ready", waits for "go" on stdin so both start at the same moment, then plans one award per
 * family of its list, each in its own call, and prints what happened to each as JSON ("ok" or the refusal).
 */
import { openDatabase } from '../../db/open';
import { planAwardsSchema } from '../../main/domain/awards';
import { AppError } from '../../main/domain/errors';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { planAwards } from '../../main/services/awards/plan';

const [file, programIdText, kpmIdsJson, cashText, name] = process.argv.slice(2);
const db = openDatabase(file);
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const outcomes: string[] = [];
  for (const kpmId of JSON.parse(kpmIdsJson) as number[]) {
    // A breath between plans, as between two clicks (see number-worker.ts).
    await new Promise((done) => setTimeout(done, 1));
    try {
      planAwards(
        db,
        SYSTEM_ACTOR,
        planAwardsSchema.parse({
          programId: Number(programIdText),
          kpmIds: [kpmId],
          package: { lines: [], cash: Number(cashText) },
          businessType: 'Modal usaha',
          notes: name,
        }),
      );
      outcomes.push('ok');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push(error.message);
    }
  }
  db.$client.close();
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
  process.exit(0);
});
