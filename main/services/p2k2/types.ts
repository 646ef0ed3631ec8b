/** What the P2K2 record services return across the contract. */
import type { Attendance, MeetingDay, Rating } from '../../domain/p2k2';

export interface GroupRow {
  id: number;
  name: string;
  villageCode: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  pendampingId: number | null;
  pendampingName: string | null;
  leaderKpmId: number | null;
  leaderName: string | null;
  meetingPlace: string;
  meetingDay: MeetingDay | null;
  active: boolean;
  /** Families in the group now (open memberships). */
  memberCount: number;
  updatedAt: string;
}

export interface GroupMember {
  kpmId: number;
  nama: string;
  /** Masked unless the viewer may see full NIKs. */
  nik: string;
  noKk: string;
  alamat: string;
  komponenMask: number;
  joinedOn: string;
  /** Set for former members (history). */
  leftOn: string | null;
}

export interface GroupDetail extends GroupRow {
  members: GroupMember[];
  /** Families who left the group, newest first. */
  formerMembers: GroupMember[];
}

/** A saved group, with its warnings (e.g. more than 30 families). */
export interface GroupSaved {
  id: number;
  warnings: string[];
}

export interface SplitResult {
  groups: { id: number; name: string; size: number }[];
  warnings: string[];
}

/** A family of a desa without a group, to pick for one. */
export interface UngroupedFamily {
  kpmId: number;
  nama: string;
  nik: string;
  noKk: string;
  alamat: string;
}

export interface CurriculumTopic {
  id: number;
  moduleId: number;
  name: string;
  sortOrder: number;
  builtin: boolean;
  active: boolean;
}

export interface CurriculumModule {
  id: number;
  name: string;
  sortOrder: number;
  builtin: boolean;
  active: boolean;
  topics: CurriculumTopic[];
}

/** A topic's row in a group's plan for a year. */
export interface PlanRow {
  topicId: number;
  topicName: string;
  moduleId: number;
  moduleName: string;
  /** Teaching position in the curriculum (1-based, module then topic order). */
  position: number;
  plannedOn: string | null;
  /** Dates the group held this topic in the year. */
  heldOn: string[];
  /** Switched-off topics show only when they were planned. */
  active: boolean;
}

/** A topic dated before one that comes earlier in the curriculum: a warning, never a refusal. */
export interface PlanWarning {
  topicId: number;
  message: string;
}

export interface GroupPlan {
  groupId: number;
  groupName: string;
  year: number;
  rows: PlanRow[];
  warnings: PlanWarning[];
}

export interface PlanSaved {
  saved: number;
  warnings: PlanWarning[];
}

export interface MeetingRow {
  id: number;
  groupId: number;
  groupName: string;
  villageName: string;
  topicId: number;
  topicName: string;
  moduleName: string;
  heldOn: string;
  startTime: string;
  endTime: string;
  place: string;
  pendampingName: string | null;
  /** Families marked, and of them present (HADIR). */
  families: number;
  present: number;
}

export interface MeetingAttendance {
  kpmId: number;
  nama: string;
  nik: string;
  noKk: string;
  status: Attendance | null;
  behaviourRating: Rating | null;
  potentialRating: Rating | null;
}

export interface MeetingPhoto {
  id: number;
  mime: string;
  base64: string;
}

export interface MeetingDetail extends MeetingRow {
  pendampingId: number | null;
  speakers: { name: string; institution: string }[];
  notes: string;
  photos: MeetingPhoto[];
  attendance: MeetingAttendance[];
  updatedAt: string;
}

export interface MeetingSaved {
  id: number;
  /** What the save changed, as the audit line says it (empty for a new meeting or an unchanged save). */
  changes: string[];
  warnings: string[];
}
