/** A documents row as the register, the family page and the issue results show it (without the snapshot). */
import { getTableColumns } from 'drizzle-orm';
import { documents, type IssuedDocument } from '../../../db/schema';
import type { RegisterRow } from './types';

export function toRegisterRow(row: Omit<IssuedDocument, 'data'>): RegisterRow {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    issuedDate: row.issuedDate,
    subject: row.subject,
    kpmId: row.kpmId,
    proposalId: row.proposalId,
    decisionId: row.decisionId,
    batchId: row.batchId,
    signatoryName: row.signatoryName,
    issuedByName: row.issuedByName,
    issuedAt: row.issuedAt,
    printCount: row.printCount,
    voidedAt: row.voidedAt,
    voidedByName: row.voidedByName,
    voidReason: row.voidReason,
  };
}

// Lists never need the snapshot: select these columns to leave the JSON out.
const { data: _data, ...columns } = getTableColumns(documents);
export const registerColumns = columns;
