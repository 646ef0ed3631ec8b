/** P2K2's records: groups, curriculum, the year's plan and meetings (main/services/p2k2). */
import { addCurriculum, listCurriculum, renameCurriculum, setCurriculumActive } from '../services/p2k2/curriculum';
import { addMembers, listUngrouped, moveMember, removeMember, splitVillage } from '../services/p2k2/group-members';
import { createGroup, getGroup, listGroups, updateGroup } from '../services/p2k2/groups';
import { saveMeeting } from '../services/p2k2/meeting-save';
import { getMeeting, listMeetings } from '../services/p2k2/meetings';
import { getPlanFor, savePlan } from '../services/p2k2/plan';
import { planPdf } from '../services/p2k2/plan-pdf';
import type { HandlersOf } from './handlers';
import type { p2k2Contract } from './p2k2.contract';

export const p2k2Handlers = {
  'p2k2.groups.list': ({ db, actor }, input) => listGroups(db, actor, input),
  'p2k2.groups.get': ({ db, actor }, input) => getGroup(db, actor, input.id),
  'p2k2.groups.ungrouped': ({ db, actor }, input) => listUngrouped(db, actor, input),
  'p2k2.groups.create': ({ db, actor }, input) => createGroup(db, actor, input),
  'p2k2.groups.update': ({ db, actor }, input) => updateGroup(db, actor, input),
  'p2k2.groups.split': ({ db, actor }, input) => splitVillage(db, actor, input),
  'p2k2.groups.addMembers': ({ db, actor }, input) => addMembers(db, actor, input),
  'p2k2.groups.moveMember': ({ db, actor }, input) => moveMember(db, actor, input),
  'p2k2.groups.removeMember': ({ db, actor }, input) => removeMember(db, actor, input),
  'p2k2.curriculum.list': ({ db }) => listCurriculum(db),
  'p2k2.curriculum.rename': ({ db, actor }, input) => renameCurriculum(db, actor, input),
  'p2k2.curriculum.add': ({ db, actor }, input) => addCurriculum(db, actor, input),
  'p2k2.curriculum.setActive': ({ db, actor }, input) => setCurriculumActive(db, actor, input),
  'p2k2.plan.get': ({ db, actor }, input) => getPlanFor(db, actor, input.groupId, input.year),
  'p2k2.plan.save': ({ db, actor }, input) => savePlan(db, actor, input),
  'p2k2.plan.pdf': ({ db }, input) => planPdf(db, input.villageCode, input.year),
  'p2k2.meetings.list': ({ db, actor }, input) => listMeetings(db, actor, input),
  'p2k2.meetings.get': ({ db, actor }, input) => getMeeting(db, actor, input.id),
  'p2k2.meetings.save': ({ db, actor }, input) => saveMeeting(db, actor, input),
} satisfies HandlersOf<typeof p2k2Contract>;
