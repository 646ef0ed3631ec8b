/** The office a database (or a backup of it) was set up for, as the backup list and refusals name it. */

export interface BackupOffice {
  regencyCode: string;
  regencyName: string;
  agencyName: string;
}

/** "Dinas Sosial Kota Pekalongan", or with its kabupaten/kota when the name lacks it; or an office not set up. */
export function officeText(office: BackupOffice | null): string {
  if (!office) return 'database yang belum disiapkan (tanpa profil kantor)';
  const agency = office.agencyName.trim();
  return agency.toLowerCase().includes(office.regencyName.toLowerCase()) ? agency : `${agency} (${office.regencyName})`;
}
