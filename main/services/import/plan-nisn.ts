/**
 * Planning pass 3's checks of member NISNs, as the family form checks them: one student's NISN once in the file,
 * not registered for a member of another family, and not registered in this family for another member who keeps
 * it. Each would otherwise stop the commit at the unique index instead of being reported on its row.
 */
import type { NisnHolder } from '../../../db/queries/import';
import type { Effective, MemberWrite, PlanNotes } from './plan-base';
import type { ExistingArt, Match, Registry } from './plan-registry';
import type { FamilyRecord, MemberRecord } from './types';

const EXPECTED = 'NISN yang belum terdaftar untuk anggota lain';

export class NisnChecks {
  /** Each member NISN of the file, with the row of its first member. */
  private readonly fileRows = new Map<string, number>();

  constructor(
    private readonly registry: Registry,
    private readonly notes: PlanNotes,
  ) {}

  /** The family's member NISNs against the rest of the file and against other registered families. */
  members(f: FamilyRecord, e: Effective, match: Match | undefined): boolean {
    let error = false;
    for (const m of e.members) {
      if (!m.nisn) continue;
      const earlier = this.fileRows.get(m.nisn);
      if (earlier === undefined) {
        this.fileRows.set(m.nisn, m.row);
      } else {
        this.notes.problem(
          f,
          'artNisn',
          m.nisn,
          'MEMBER_NISN_DUPLICATE',
          'error',
          `NISN ${m.nisn} (${m.nama}, baris ${m.row}) juga ada di baris ${earlier}; satu NISN untuk satu siswa.`,
          'setiap NISN satu kali',
        );
        error = true;
      }
      const holder = this.registry.artByNisn.get(m.nisn);
      if (holder && holder.kpmId !== match?.id) {
        this.taken(f, m, holder);
        error = true;
      }
    }
    return error;
  }

  /** A family added beside a registered one of the same No. KK: a NISN registered there is not its to take. */
  registeredForNew(f: FamilyRecord, members: readonly MemberRecord[]): boolean {
    for (const m of members) {
      const holder = m.nisn ? this.registry.artByNisn.get(m.nisn) : undefined;
      if (!holder) continue;
      this.taken(f, m, holder);
      return true;
    }
    return false;
  }

  /**
   * A NISN the file gives a member that this family registers for another member who keeps it. A NISN moved
   * between members written together is fine: the commit empties theirs first (writeUpdates).
   */
  heldInFamily(f: FamilyRecord, writes: readonly MemberWrite[], registered: readonly ExistingArt[]): boolean {
    for (const w of writes) {
      const holder = w.nisn ? registered.find((x) => x.nisn === w.nisn) : undefined;
      if (!holder || holder.id === w.id) continue;
      const moved = writes.find((other) => other.id === holder.id);
      if (moved && moved.nisn !== holder.nisn) continue;
      this.notes.problem(
        f,
        'artNisn',
        w.nisn as string,
        'MEMBER_NISN_EXISTS',
        'error',
        `NISN ${w.nisn} (${w.nama}) sudah terdaftar untuk ${holder.nama} di keluarga ini.`,
        EXPECTED,
      );
      return true;
    }
    return false;
  }

  private taken(f: FamilyRecord, m: MemberRecord, holder: NisnHolder): void {
    this.notes.problem(
      f,
      'artNisn',
      m.nisn as string,
      'MEMBER_NISN_EXISTS',
      'error',
      `NISN ${m.nisn} (${m.nama}) sudah terdaftar untuk ${holder.nama}, keluarga ${holder.familyName}.`,
      EXPECTED,
    );
  }
}
