/** How each verdict looks: the headline and its colour (a Mantine colour, shade where two oranges must differ). */
import type { OutputOf } from '../../../main/api/contract';

export type VerifyResult = OutputOf<'documents.verify'>;

export interface VerdictLook {
  headline: string;
  /** The service's sentence, without the verdict word the headline already shows. */
  detail: string;
  color: string;
}

export function verdictLook(result: VerifyResult): VerdictLook {
  const rest = result.message.replace(/^(TIDAK ASLI|ASLI)(: |, tetapi )/, '');
  return { ...headlineOf(result), detail: rest.charAt(0).toUpperCase() + rest.slice(1) };
}

function headlineOf(result: VerifyResult): Omit<VerdictLook, 'detail'> {
  if (result.status === 'asli' && result.document?.voidedAt) {
    return { headline: 'ASLI, tetapi DIBATALKAN', color: 'orange.9' };
  }
  switch (result.status) {
    case 'asli':
      return { headline: 'ASLI', color: 'green.8' };
    case 'palsu':
      return { headline: 'TIDAK ASLI', color: 'red.8' };
    case 'kunci_tidak_dikenal':
      return { headline: 'Kunci kantor penerbit belum dikenal', color: 'orange.5' };
    case 'format_salah':
      return { headline: 'Kode tidak terbaca', color: 'gray.6' };
  }
}
