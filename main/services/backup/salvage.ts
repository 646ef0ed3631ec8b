export interface SalvageResult {
  rawCopy: string;
  salvaged: string;
  unreadable: string[];
}
export async function salvageDatabase(_input: { damagedFile: string; folder: string }): Promise<SalvageResult> {
  throw new Error('not yet');
}
