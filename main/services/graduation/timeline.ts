/**
 * A family's graduation timeline: each candidacy with its assessments, statement, proposal,
 * decision and follow-up visits. Read straight from the tables, whichever service wrote them.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  type Assessment,
  assessments,
  type Decision,
  decisions,
  exitTypes,
  type FollowUpVisit,
  followUpVisits,
  type GraduationCandidate,
  graduationCandidates,
  graduationStatements,
  kpm,
  type Proposal,
  proposalItems,
  proposals,
} from '../../../db/schema';

export interface CandidacyTimeline {
  candidate: GraduationCandidate;
  assessments: Omit<Assessment, 'criteria'>[];
  statement: typeof graduationStatements.$inferSelect | null;
  proposal: (Proposal & { decision: 'approved' | 'rejected' | null; rejectReason: string | null }) | null;
  decisions: Decision[];
}

export interface FamilyTimeline {
  exitTypeName: string | null;
  candidacies: CandidacyTimeline[];
  visits: FollowUpVisit[];
}

export function familyTimeline(db: Db, kpmId: number): FamilyTimeline {
  const family = db.select({ exitTypeId: kpm.exitTypeId }).from(kpm).where(eq(kpm.id, kpmId)).get();
  const exitType = family?.exitTypeId
    ? db.select({ name: exitTypes.name }).from(exitTypes).where(eq(exitTypes.id, family.exitTypeId)).get()
    : undefined;
  const candidates = db
    .select()
    .from(graduationCandidates)
    .where(eq(graduationCandidates.kpmId, kpmId))
    .orderBy(asc(graduationCandidates.id))
    .all();
  const candidacies = candidates.map((candidate): CandidacyTimeline => {
    const item = db.select().from(proposalItems).where(eq(proposalItems.candidateId, candidate.id)).get();
    const proposal = item ? db.select().from(proposals).where(eq(proposals.id, item.proposalId)).get() : undefined;
    return {
      candidate,
      assessments: db
        .select()
        .from(assessments)
        .where(eq(assessments.candidateId, candidate.id))
        .orderBy(asc(assessments.id))
        .all()
        .map(({ criteria: _criteria, ...a }) => a),
      statement:
        db.select().from(graduationStatements).where(eq(graduationStatements.candidateId, candidate.id)).get() ?? null,
      proposal: proposal && item ? { ...proposal, decision: item.decision, rejectReason: item.rejectReason } : null,
      decisions: proposal
        ? db
            .select()
            .from(decisions)
            .where(inArray(decisions.proposalId, [proposal.id]))
            .orderBy(asc(decisions.id))
            .all()
        : [],
    };
  });
  const visits = db
    .select()
    .from(followUpVisits)
    .where(eq(followUpVisits.kpmId, kpmId))
    .orderBy(asc(followUpVisits.dueDate))
    .all();
  return { exitTypeName: exitType?.name ?? null, candidacies, visits };
}
