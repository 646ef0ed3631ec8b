import { Anchor, Group, Stack, TextInput } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { WORK_PLAN_DUTIES } from '../../main/domain/duties';
import { todayIso } from '../../main/domain/format';
import { monthLabel, monthSchema } from '../../main/domain/workplan';
import { useSession } from '../features/session/session';
import { PageHeader } from '../features/shared/PageHeader';
import { DeadlineSetting } from '../features/workplan/DeadlineSetting';
import { SubmissionList } from '../features/workplan/SubmissionList';
import { WorkPlanEditor } from '../features/workplan/WorkPlanEditor';

/**
 * Rencana kerja bulanan: a pendamping account opens its own plan of the month (?bulan=2026-03); the office sees the
 * month's submissions and opens one pendamping's plan (?pendamping=id).
 */
export function WorkPlanPage() {
  const { user, can } = useSession();
  const [params, setParams] = useSearchParams();
  const asked = params.get('bulan') ?? '';
  const month = monthSchema.safeParse(asked).success ? asked : todayIso().slice(0, 7);
  const pendampingId = user.pendampingId ?? (Number(params.get('pendamping')) || null);
  const setMonth = (value: string) => {
    if (!monthSchema.safeParse(value).success) return;
    const next = new URLSearchParams(params);
    next.set('bulan', value);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title="Rencana kerja bulanan"
        subtitle={monthLabel(month)}
        actions={
          <TextInput
            type="month"
            aria-label="Bulan"
            value={month}
            onChange={(e) => setMonth(e.currentTarget.value)}
            w={180}
          />
        }
      />
      <Stack gap="md">
        {pendampingId === null ? (
          <>
            {can(WORK_PLAN_DUTIES.settings) && <DeadlineSetting />}
            {can(WORK_PLAN_DUTIES.monitor) && <SubmissionList month={month} />}
          </>
        ) : (
          <>
            {user.pendampingId == null && (
              <Group>
                <Anchor component={Link} to={`/rencana-kerja?bulan=${month}`}>
                  ← Daftar pengajuan {monthLabel(month)}
                </Anchor>
              </Group>
            )}
            <WorkPlanEditor pendampingId={pendampingId} month={month} />
          </>
        )}
      </Stack>
    </>
  );
}
