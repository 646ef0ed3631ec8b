/**
 * The curriculum: the administrator renames, adds and switches off modules and topics. Nothing is deleted: a
 * meeting keeps the topic it taught, so history still names it.
 */
import { type Db, inTransaction } from '../../../db/open';
import {
  allModules,
  allTopics,
  insertModule,
  insertTopic,
  moduleById,
  moduleNamed,
  setModule,
  setTopic,
  topicById,
  topicNamed,
} from '../../../db/queries/p2k2-curriculum';
import { P2K2_DUTIES } from '../../domain/duties';
import { AppError } from '../../domain/errors';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { requireDuty } from '../graduation/duties';
import type { CurriculumModule } from './types';

const ENTITY = { module: 'p2k2_module', topic: 'p2k2_topic' } as const;
type Kind = keyof typeof ENTITY;

export function listCurriculum(db: Db): CurriculumModule[] {
  const topics = allTopics(db);
  return allModules(db).map((m) => ({
    id: m.id,
    name: m.name,
    sortOrder: m.sortOrder,
    builtin: m.builtin,
    active: m.active,
    topics: topics
      .filter((t) => t.moduleId === m.id)
      .map((t) => ({
        id: t.id,
        moduleId: t.moduleId,
        name: t.name,
        sortOrder: t.sortOrder,
        builtin: t.builtin,
        active: t.active,
      })),
  }));
}

function load(db: Db, kind: Kind, id: number) {
  const row = kind === 'module' ? moduleById(db, id) : topicById(db, id);
  if (!row) throw new AppError('NOT_FOUND', kind === 'module' ? 'Modul tidak ditemukan.' : 'Sesi tidak ditemukan.');
  return row;
}

function refuseDuplicate(taken: unknown, name: string): void {
  if (taken) {
    const message = `Nama "${name}" sudah dipakai.`;
    throw new AppError('DUPLICATE', message, { fields: { name: message } });
  }
}

export function renameCurriculum(db: Db, actor: Actor, input: { kind: Kind; id: number; name: string }) {
  requireDuty(actor, P2K2_DUTIES.curriculum, 'mengubah materi P2K2');
  return inTransaction(db, () => {
    const before = load(db, input.kind, input.id);
    if (input.kind === 'module') {
      refuseDuplicate(moduleNamed(db, input.name, input.id), input.name);
      setModule(db, input.id, { name: input.name });
    } else {
      refuseDuplicate(
        topicNamed(db, (before as unknown as { moduleId: number }).moduleId, input.name, input.id),
        input.name,
      );
      setTopic(db, input.id, { name: input.name });
    }
    writeAudit(db, actor, {
      action: 'rename',
      entity: ENTITY[input.kind],
      entityId: input.id,
      summary: `${input.kind === 'module' ? 'Modul' : 'Sesi'} P2K2 "${before.name}" diganti nama menjadi "${input.name}"`,
      before: { name: before.name },
      after: { name: input.name },
    });
    return listCurriculum(db);
  });
}

export function addCurriculum(db: Db, actor: Actor, input: { moduleId?: number; moduleName?: string; name: string }) {
  requireDuty(actor, P2K2_DUTIES.curriculum, 'menambah materi P2K2');
  return inTransaction(db, () => {
    let moduleId = input.moduleId;
    if (moduleId !== undefined) load(db, 'module', moduleId);
    else {
      const moduleName = input.moduleName ?? '';
      refuseDuplicate(moduleNamed(db, moduleName), moduleName);
      moduleId = insertModule(db, moduleName);
    }
    refuseDuplicate(topicNamed(db, moduleId, input.name), input.name);
    const topicId = insertTopic(db, moduleId, input.name);
    const moduleName = load(db, 'module', moduleId).name;
    writeAudit(db, actor, {
      action: 'create',
      entity: ENTITY.topic,
      entityId: topicId,
      summary: `Sesi P2K2 "${input.name}" ditambahkan ke modul "${moduleName}"`,
      after: { moduleId, name: input.name },
    });
    return listCurriculum(db);
  });
}

export function setCurriculumActive(db: Db, actor: Actor, input: { kind: Kind; id: number; active: boolean }) {
  requireDuty(actor, P2K2_DUTIES.curriculum, 'menonaktifkan materi P2K2');
  return inTransaction(db, () => {
    const before = load(db, input.kind, input.id);
    if (input.kind === 'module') setModule(db, input.id, { active: input.active });
    else setTopic(db, input.id, { active: input.active });
    writeAudit(db, actor, {
      action: input.active ? 'activate' : 'deactivate',
      entity: ENTITY[input.kind],
      entityId: input.id,
      summary: `${input.kind === 'module' ? 'Modul' : 'Sesi'} P2K2 "${before.name}" ${input.active ? 'diaktifkan' : 'dinonaktifkan'}`,
      before: { active: before.active },
      after: { active: input.active },
    });
    return listCurriculum(db);
  });
}
