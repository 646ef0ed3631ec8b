import { Divider, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { SheetReview } from '../../main/api/p2k2-sheet.contract';
import { ReviewPages } from '../features/p2k2-sheet/ReviewPages';
import { ScanUpload } from '../features/p2k2-sheet/ScanUpload';
import { SheetPrint } from '../features/p2k2-sheet/SheetPrint';
import { PageHeader } from '../features/shared/PageHeader';

/** A meeting's daftar hadir on paper: print it, read its scan back, review and save the attendance. */
export function P2k2SheetPage() {
  const meetingId = Number(useParams().id);
  // each reading starts a fresh review (its choices start from what was read)
  const [review, setReview] = useState<{ read: SheetReview; n: number } | null>(null);
  return (
    <>
      <PageHeader
        title="Daftar hadir dan pindaian"
        subtitle="Kehadiran dari lembar yang dipindai baru disimpan sesudah Anda periksa."
        back={{ to: `/p2k2/pertemuan/${meetingId}`, label: 'Kembali ke pertemuan' }}
      />
      <Stack>
        <Title order={2} size="h4">
          Cetak
        </Title>
        <SheetPrint meetingId={meetingId} />
        <Divider />
        <Title order={2} size="h4">
          Unggah pindaian
        </Title>
        <ScanUpload meetingId={meetingId} onRead={(read) => setReview({ read, n: (review?.n ?? 0) + 1 })} />
        {review && <ReviewPages key={review.n} review={review.read} onSaved={() => setReview(null)} />}
      </Stack>
    </>
  );
}
