/**
 * P2K2's records: groups (kelompok) and their families, the curriculum, the year's plan (RTL) and the meetings
 * with their attendance and ratings. Who may do what is P2K2_DUTIES (main/domain/duties.ts).
 */
import { z } from 'zod';
import {
  curriculumActiveSchema,
  curriculumAddSchema,
  curriculumRenameSchema,
  groupCreateSchema,
  groupListSchema,
  groupMembersSchema,
  groupSplitSchema,
  groupUpdateSchema,
  meetingListSchema,
  meetingSaveSchema,
  moveMemberSchema,
  planRefSchema,
  planSaveSchema,
  removeMemberSchema,
  ungroupedSchema,
  villageCodeSchema,
  yearSchema,
} from '../domain/p2k2-forms';
import type { Page } from '../domain/paging';
import type { PdfFile } from '../services/documents/types';
import type {
  CurriculumModule,
  GroupDetail,
  GroupPlan,
  GroupRow,
  GroupSaved,
  MeetingDetail,
  MeetingRow,
  MeetingSaved,
  PlanSaved,
  SplitResult,
  UngroupedFamily,
} from '../services/p2k2/types';
import { id, MB, method } from './method';

export type * from '../services/p2k2/types';

export const p2k2Contract = {
  'p2k2.groups.list': method<Page<GroupRow>>()(groupListSchema, { duty: 'p2k2.viewOwn' }),
  'p2k2.groups.get': method<GroupDetail>()(id, { duty: 'p2k2.viewOwn' }),
  /** A desa's families without a group, to pick for a new group or add to one. */
  'p2k2.groups.ungrouped': method<Page<UngroupedFamily>>()(ungroupedSchema, { duty: 'p2k2.view' }),
  'p2k2.groups.create': method<GroupSaved>()(groupCreateSchema, { duty: 'p2k2.record' }),
  'p2k2.groups.update': method<GroupSaved>()(groupUpdateSchema, { duty: 'p2k2.record' }),
  /** A desa's families without a group into groups of a chosen size, all or nothing. */
  'p2k2.groups.split': method<SplitResult>()(groupSplitSchema, { duty: 'p2k2.record' }),
  'p2k2.groups.addMembers': method<GroupSaved>()(groupMembersSchema, { duty: 'p2k2.record' }),
  'p2k2.groups.moveMember': method<GroupSaved>()(moveMemberSchema, { duty: 'p2k2.record' }),
  'p2k2.groups.removeMember': method<GroupSaved>()(removeMemberSchema, { duty: 'p2k2.record' }),
  /** Every module with its topics, switched-off ones included (marked). */
  'p2k2.curriculum.list': method<CurriculumModule[]>()(z.object({}).default({}), { duty: 'p2k2.viewOwn' }),
  'p2k2.curriculum.rename': method<CurriculumModule[]>()(curriculumRenameSchema, { duty: 'p2k2.curriculum' }),
  'p2k2.curriculum.add': method<CurriculumModule[]>()(curriculumAddSchema, { duty: 'p2k2.curriculum' }),
  'p2k2.curriculum.setActive': method<CurriculumModule[]>()(curriculumActiveSchema, { duty: 'p2k2.curriculum' }),
  'p2k2.plan.get': method<GroupPlan>()(planRefSchema, { duty: 'p2k2.viewOwn' }),
  /** Saves the year's dates; a topic dated out of module order comes back as a warning, never a refusal. */
  'p2k2.plan.save': method<PlanSaved>()(planSaveSchema, { duty: 'p2k2.record' }),
  /** The year's plan of every group of a desa, printed as one table (materi by group, with the week). */
  'p2k2.plan.pdf': method<PdfFile>()(z.object({ villageCode: villageCodeSchema, year: yearSchema }), {
    duty: 'p2k2.view',
    file: { unlogged: 'group names and planned dates: no family data' },
  }),
  'p2k2.meetings.list': method<Page<MeetingRow>>()(meetingListSchema, { duty: 'p2k2.viewOwn' }),
  'p2k2.meetings.get': method<MeetingDetail>()(id, { duty: 'p2k2.viewOwn' }),
  /** Records a meeting or corrects one: fields, speakers, photos and attendance in one transaction, audited. */
  'p2k2.meetings.save': method<MeetingSaved>()(meetingSaveSchema, { duty: 'p2k2.recordOwn', maxBodyBytes: 2 * MB }),
} as const;
