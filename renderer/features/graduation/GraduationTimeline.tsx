import { Badge, Text, Timeline } from '@mantine/core';
import type { OutputOf } from '../../../main/api/contract';
import { formatTanggal } from '../../../main/domain/format';
import {
  CANDIDATE_KIND_LABEL,
  CANDIDATE_STAGE_LABEL,
  MANDIRI_REASON_LABEL,
  type MandiriReason,
  PROPOSAL_STATUS_LABEL,
  RECOMMENDATION_LABEL,
} from '../../../main/domain/graduation';
import { useApi } from '../shared/api-hooks';

type TimelineData = OutputOf<'graduation.timeline'>;

const reasonText = (reasons: string[]) => reasons.map((r) => MANDIRI_REASON_LABEL[r as MandiriReason] ?? r).join(', ');

interface Step {
  key: string;
  title: string;
  when: string | null;
  detail: string;
}

/** Every step of every candidacy, then the follow-up visits, oldest first. */
function steps(data: TimelineData): Step[] {
  const out: Step[] = [];
  for (const { candidate: c, assessments, statement, proposal, decisions } of data.candidacies) {
    out.push({
      key: `c${c.id}`,
      title: `${CANDIDATE_KIND_LABEL[c.kind]}: ${CANDIDATE_STAGE_LABEL[c.stage]}`,
      when: c.createdAt,
      detail: [`Diusulkan oleh ${c.createdByName}`, reasonText(c.reasons), c.notes, c.closedReason]
        .filter(Boolean)
        .join(' · '),
    });
    for (const a of assessments) {
      out.push({
        key: `a${a.id}`,
        title: `Verifikasi: skor ${a.score} (${RECOMMENDATION_LABEL[a.recommendation]})`,
        when: a.visitDate,
        detail: [`oleh ${a.verifierName}`, a.notes].filter(Boolean).join(' · '),
      });
    }
    if (statement) {
      out.push({
        key: `s${c.id}`,
        title: 'Surat pernyataan ditandatangani',
        when: statement.signedDate,
        detail: `Saksi: ${statement.witnessPendamping}, ${statement.witnessKepalaDesa}`,
      });
    }
    if (proposal) {
      out.push({
        key: `p${proposal.id}-${c.id}`,
        title: `Usulan ${proposal.number} (${PROPOSAL_STATUS_LABEL[proposal.status]})`,
        when: proposal.submittedAt ?? proposal.createdAt,
        detail: proposal.title,
      });
    }
    for (const d of decisions) {
      out.push({
        key: `d${d.id}-${c.id}`,
        title: `Penetapan SK ${d.skNumber}${proposal?.decision ? `: ${CANDIDATE_STAGE_LABEL[proposal.decision]}` : ''}`,
        when: d.skDate,
        detail: [
          `oleh ${d.decidedByName}`,
          proposal?.rejectReason,
          d.reversedAt ? `Dibatalkan ${formatTanggal(d.reversedAt)}: ${d.reverseReason}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      });
    }
  }
  for (const v of data.visits) {
    out.push({
      key: `v${v.id}`,
      title: `Kunjungan ${v.monthsAfter} bulan ${v.visitedDate ? 'dilakukan' : 'dijadwalkan'}`,
      when: v.visitedDate ?? v.dueDate,
      detail: [v.visitorName, v.notes].filter(Boolean).join(' · '),
    });
  }
  return out;
}

export function GraduationTimeline({ kpmId }: { kpmId: number }) {
  const timeline = useApi('graduation.timeline', { id: kpmId });
  if (!timeline.data) return <Text size="sm">Memuat…</Text>;
  const items = steps(timeline.data);
  if (items.length === 0) return <Text size="sm">Belum pernah menjadi calon graduasi.</Text>;
  return (
    <Timeline active={items.length - 1} bulletSize={14} lineWidth={2} aria-label="Tahapan graduasi">
      {items.map((s) => (
        <Timeline.Item key={s.key} title={s.title}>
          {s.when && (
            <Badge variant="light" size="sm">
              {formatTanggal(s.when.slice(0, 10))}
            </Badge>
          )}
          {s.detail && (
            <Text size="sm" c="dimmed">
              {s.detail}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
