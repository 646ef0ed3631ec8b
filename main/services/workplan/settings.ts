/** The office's work plan settings: the day of the month a plan is due (default the 5th). */
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { workPlanSettings } from '../../../db/schema';
import { WORK_PLAN_DUTIES } from '../../domain/duties';
import { DEFAULT_DEADLINE_DAY } from '../../domain/workplan';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';

export interface WorkPlanSettings {
  deadlineDay: number;
}

export function getWorkPlanSettings(db: Db): WorkPlanSettings {
  const row = db.select().from(workPlanSettings).where(eq(workPlanSettings.id, 1)).get();
  return { deadlineDay: row?.deadlineDay ?? DEFAULT_DEADLINE_DAY };
}

export function updateWorkPlanSettings(db: Db, actor: Actor, input: WorkPlanSettings): WorkPlanSettings {
  requireDuty(actor, WORK_PLAN_DUTIES.settings, 'mengubah batas pengajuan rencana kerja');
  return inTransaction(db, () => {
    const before = getWorkPlanSettings(db);
    db.insert(workPlanSettings)
      .values({ id: 1, deadlineDay: input.deadlineDay })
      .onConflictDoUpdate({ target: workPlanSettings.id, set: { deadlineDay: input.deadlineDay } })
      .run();
    const after = getWorkPlanSettings(db);
    writeAudit(db, actor, {
      action: 'update',
      entity: 'settings',
      entityId: null,
      summary: `Batas pengajuan rencana kerja diubah: tanggal ${before.deadlineDay} menjadi tanggal ${after.deadlineDay}`,
      before,
      after,
    });
    return after;
  });
}
