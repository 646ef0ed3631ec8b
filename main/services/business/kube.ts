/**
 * KUBE (kelompok usaha bersama): 5 to 10 graduated families with a shared business; the assets belong to the
 * group, not to a family. The size is checked where it can break: forming a group, adding and removing a member.
 */
import { and, eq } from 'drizzle-orm';
import { type Db, inTransaction } from '../../../db/open';
import { kubeMemberRows, kubeOf } from '../../../db/queries/business';
import { type KubeAsset, type KubeGroup, kubeAssets, kubeGroups, kubeMembers } from '../../../db/schema';
import { BUSINESS_DUTIES, type KubeAssetInput, type KubeCreate, kubeSizeProblem } from '../../domain/business';
import { AppError } from '../../domain/errors';
import { formatRupiah } from '../../domain/format';
import { type Actor, requireDuty } from '../actor';
import { writeAudit } from '../audit';
import { graduatedFamilies } from './access';

export interface KubeDetail extends KubeGroup {
  members: { kpmId: number; nama: string; status: string }[];
  assets: KubeAsset[];
  assetTotal: number;
}

function refuseSize(size: number): void {
  const problem = kubeSizeProblem(size);
  if (problem) throw new AppError('INVALID_INPUT', problem, { fields: { kpmIds: problem } });
}

function refuseOtherKube(db: Db, kpmIds: readonly number[]): void {
  const taken = kubeOf(db, kpmIds);
  if (taken.length === 0) return;
  const names = taken.map((t) => `${t.kubeName} (id keluarga ${t.kpmId})`).join(', ');
  throw new AppError('CONFLICT', `Keluarga sudah menjadi anggota KUBE lain: ${names}.`);
}

function loadKube(db: Db, id: number): KubeGroup {
  const kube = db.select().from(kubeGroups).where(eq(kubeGroups.id, id)).get();
  if (!kube) throw new AppError('NOT_FOUND', 'KUBE tidak ditemukan.');
  return kube;
}

export function getKube(db: Db, actor: Actor, id: number): KubeDetail {
  requireDuty(actor, BUSINESS_DUTIES.kubeView, 'melihat KUBE');
  const kube = loadKube(db, id);
  const members = kubeMemberRows(db, id).map(({ kpmId, nama, status }) => ({ kpmId, nama, status }));
  const assets = db.select().from(kubeAssets).where(eq(kubeAssets.kubeId, id)).orderBy(kubeAssets.acquiredDate).all();
  return { ...kube, members, assets, assetTotal: assets.reduce((sum, a) => sum + a.value, 0) };
}

export function listKubes(db: Db, actor: Actor): KubeGroup[] {
  requireDuty(actor, BUSINESS_DUTIES.kubeView, 'melihat KUBE');
  return db.select().from(kubeGroups).orderBy(kubeGroups.name, kubeGroups.id).all();
}

export function createKube(db: Db, actor: Actor, input: KubeCreate): KubeDetail {
  requireDuty(actor, BUSINESS_DUTIES.kube, 'membentuk KUBE');
  const kpmIds = [...new Set(input.kpmIds)];
  refuseSize(kpmIds.length);
  return inTransaction(db, () => {
    const families = graduatedFamilies(db, kpmIds);
    refuseOtherKube(db, kpmIds);
    const { kpmIds: _, ...fields } = input;
    const kube = db.insert(kubeGroups).values(fields).returning().get();
    for (const kpmId of kpmIds)
      db.insert(kubeMembers).values({ kubeId: kube.id, kpmId, joinedOn: input.formedDate }).run();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'kube',
      entityId: kube.id,
      summary: `KUBE ${kube.name} dibentuk dengan ${families.length} keluarga`,
      after: { kube, kpmIds },
    });
    return getKube(db, actor, kube.id);
  });
}

export function addKubeMember(db: Db, actor: Actor, kubeId: number, kpmId: number, today: string): KubeDetail {
  requireDuty(actor, BUSINESS_DUTIES.kube, 'mengubah anggota KUBE');
  return inTransaction(db, () => {
    const kube = loadKube(db, kubeId);
    const [family] = graduatedFamilies(db, [kpmId]);
    refuseOtherKube(db, [kpmId]);
    refuseSize(kubeMemberRows(db, kubeId).length + 1);
    db.insert(kubeMembers).values({ kubeId, kpmId, joinedOn: today }).run();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'kube',
      entityId: kubeId,
      summary: `${family.nama} masuk KUBE ${kube.name}`,
      after: { kpmId },
    });
    return getKube(db, actor, kubeId);
  });
}

export function removeKubeMember(db: Db, actor: Actor, kubeId: number, kpmId: number): KubeDetail {
  requireDuty(actor, BUSINESS_DUTIES.kube, 'mengubah anggota KUBE');
  return inTransaction(db, () => {
    const kube = loadKube(db, kubeId);
    const members = kubeMemberRows(db, kubeId);
    const member = members.find((m) => m.kpmId === kpmId);
    if (!member) throw new AppError('NOT_FOUND', `Keluarga ini bukan anggota KUBE ${kube.name}.`);
    const problem = kubeSizeProblem(members.length - 1);
    if (problem) throw new AppError('CONFLICT', `${member.nama} tidak dapat dikeluarkan: ${problem}`);
    db.delete(kubeMembers)
      .where(and(eq(kubeMembers.kubeId, kubeId), eq(kubeMembers.kpmId, kpmId)))
      .run();
    writeAudit(db, actor, {
      action: 'update',
      entity: 'kube',
      entityId: kubeId,
      summary: `${member.nama} keluar dari KUBE ${kube.name}`,
      before: { kpmId },
    });
    return getKube(db, actor, kubeId);
  });
}

export function addKubeAsset(db: Db, actor: Actor, input: KubeAssetInput, today: string): KubeDetail {
  requireDuty(actor, BUSINESS_DUTIES.kube, 'mencatat aset KUBE');
  return inTransaction(db, () => {
    const kube = loadKube(db, input.kubeId);
    if (input.acquiredDate > today) {
      const message = 'Tanggal perolehan aset tidak boleh setelah hari ini.';
      throw new AppError('INVALID_INPUT', message, { fields: { acquiredDate: message } });
    }
    const asset = db.insert(kubeAssets).values(input).returning().get();
    writeAudit(db, actor, {
      action: 'create',
      entity: 'kube_asset',
      entityId: asset.id,
      summary: `Aset ${asset.name} (${formatRupiah(asset.value)}) milik KUBE ${kube.name} dicatat`,
      after: asset,
    });
    return getKube(db, actor, input.kubeId);
  });
}
