/**
 * One of the two processes of the concurrent budget test (test/node/awards-budget.test.ts): opens the database
 * file itself, then plans one award per round (`runRounds`: both processes plan their round's family at the same
 * moment) and prints what happened to each as JSON ("ok" or the refusal).
 */
import { openDatabase } from '../../db/open';
import { planAwardsSchema } from '../../main/domain/awards';
import { AppError } from '../../main/domain/errors';
import { SYSTEM_ACTOR } from '../../main/services/actor';
import { planAwards } from '../../main/services/awards/plan';
import { runRounds } from './rounds';

const [file, programIdText, kpmIdsJson, cashText, name] = process.argv.slice(2);
const db = openDatabase(file);
const kpmIds = JSON.parse(kpmIdsJson) as number[];
const outcomes: string[] = [];
runRounds(
  (round) => {
    try {
      planAwards(
        db,
        SYSTEM_ACTOR,
        planAwardsSchema.parse({
          programId: Number(programIdText),
          kpmIds: [kpmIds[round]],
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
  },
  () => {
    db.$client.close();
    return outcomes;
  },
);
