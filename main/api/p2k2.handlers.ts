/** P2K2's records: groups, curriculum, the year's plan and meetings (main/services/p2k2). */
import { AppError } from '../domain/errors';
import type { HandlersOf } from './handlers';
import type { p2k2Contract } from './p2k2.contract';

const notYet = (): never => {
  throw new AppError('NOT_FOUND', 'Fitur P2K2 ini belum tersedia.');
};

export const p2k2Handlers = {
  'p2k2.groups.list': notYet,
  'p2k2.groups.get': notYet,
  'p2k2.groups.ungrouped': notYet,
  'p2k2.groups.create': notYet,
  'p2k2.groups.update': notYet,
  'p2k2.groups.split': notYet,
  'p2k2.groups.addMembers': notYet,
  'p2k2.groups.moveMember': notYet,
  'p2k2.groups.removeMember': notYet,
  'p2k2.curriculum.list': notYet,
  'p2k2.curriculum.rename': notYet,
  'p2k2.curriculum.add': notYet,
  'p2k2.curriculum.setActive': notYet,
  'p2k2.plan.get': notYet,
  'p2k2.plan.save': notYet,
  'p2k2.meetings.list': notYet,
  'p2k2.meetings.get': notYet,
  'p2k2.meetings.save': notYet,
} satisfies HandlersOf<typeof p2k2Contract>;
