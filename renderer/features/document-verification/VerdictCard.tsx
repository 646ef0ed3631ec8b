import { Alert, Table, Text, Title } from '@mantine/core';
import { DOCUMENT_KIND_LABEL } from '../../../main/domain/documents';
import { formatTanggal, formatWaktu } from '../../../main/domain/format';
import { type VerifyResult, verdictLook } from './verdict';

/** The verdict as a big coloured banner, then what the code and the register say about the document. */
export function VerdictCard({ result }: { result: VerifyResult }) {
  const look = verdictLook(result);
  return (
    <>
      {/* A live region: the verdict is read out after each scan, the input keeping the focus. */}
      <div role="status" aria-live="polite" aria-label="Hasil verifikasi">
        <Alert
          variant="filled"
          color={look.color}
          radius="md"
          title={
            <Title order={2} size="h1" c="white">
              {look.headline}
            </Title>
          }
        >
          <Text size="lg" c="white">
            {look.detail}
          </Text>
        </Alert>
      </div>
      {result.status === 'asli' && <DocumentDetails result={result} />}
    </>
  );
}

function DocumentDetails({ result }: { result: VerifyResult }) {
  const { code, document } = result;
  if (!code) return null;
  const rows: [string, string][] = [
    ['Nomor', code.number],
    ['Jenis', DOCUMENT_KIND_LABEL[code.kind]],
    ['Tanggal terbit', formatTanggal(code.issuedDate)],
    ['Kantor', result.officeName ?? `kode wilayah ${code.regencyCode}`],
  ];
  if (document) {
    rows.push(
      ['Atas nama / perihal', document.subject],
      ['Dibuat oleh', `${document.issuedByName}, ${formatWaktu(document.issuedAt)}`],
    );
    if (document.voidedAt) {
      rows.push(['Dibatalkan', `${formatTanggal(document.voidedAt)}: ${document.voidReason ?? ''}`]);
    }
  }
  return (
    <>
      <Text size="sm" c="dimmed">
        Cocokkan nomor, tanggal dan nama di bawah dengan yang tertulis pada kertas: kode yang asli bisa saja disalin ke
        surat lain.
        {!document && ' Rincian lain (nama, pembuat) tercatat di register kantor penerbit.'}
      </Text>
      <Table withTableBorder variant="vertical" aria-label="Rincian dokumen" fz="md">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={200}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
