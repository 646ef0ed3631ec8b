import { SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { monoInput } from '../shared/styles';
import { LogoInput } from './LogoInput';

export interface OfficeValues {
  agencyName: string;
  address: string;
  phone: string;
  email: string;
  logo: string | null;
  headName: string;
  headRank: string;
  headNip: string;
}

export const emptyOffice: OfficeValues = {
  agencyName: '',
  address: '',
  phone: '',
  email: '',
  logo: null,
  headName: '',
  headRank: '',
  headNip: '',
};

interface Props {
  // biome-ignore lint/suspicious/noExplicitAny: shared by the setup wizard (fields under 'office.') and the settings page (top level).
  form: UseFormReturnType<any>;
  /** Path prefix of the office fields in the form, e.g. 'office.'. */
  prefix?: string;
  /** The kabupaten/kota: a select during setup, read-only text afterwards. */
  regency: ReactNode;
  autoFocus?: boolean;
}

/** The office profile as printed on letters: name, region, address, contact, emblem and the head's signature block. */
export function OfficeFields({ form, prefix = '', regency, autoFocus = false }: Props) {
  const field = (name: keyof OfficeValues) => form.getInputProps(`${prefix}${name}`);
  const logo = field('logo');
  return (
    <Stack gap="sm">
      <TextInput
        label="Nama instansi"
        placeholder="mis. Dinas Sosial Kota Pekalongan"
        withAsterisk
        autoFocus={autoFocus}
        {...field('agencyName')}
      />
      {regency}
      <TextInput label="Alamat kantor" placeholder="mis. Jl. Sriwijaya No. 44" withAsterisk {...field('address')} />
      <SimpleGrid cols={2}>
        <TextInput label="Telepon" placeholder="mis. (0285) 421234" {...field('phone')} />
        <TextInput label="E-mail" placeholder="mis. dinsos@pekalongankota.go.id" type="email" {...field('email')} />
      </SimpleGrid>
      <LogoInput value={logo.value} onChange={logo.onChange} error={logo.error} />
      <Title order={3} size="h5" mt="sm">
        Kepala Dinas (penanda tangan surat)
      </Title>
      <TextInput
        label="Nama kepala dinas"
        placeholder="Nama lengkap dengan gelar"
        withAsterisk
        {...field('headName')}
      />
      <SimpleGrid cols={2}>
        <TextInput label="Pangkat/golongan" placeholder="mis. Pembina Utama Muda (IV/c)" {...field('headRank')} />
        <TextInput
          label="NIP"
          placeholder="18 digit"
          withAsterisk
          inputMode="numeric"
          maxLength={21}
          styles={monoInput}
          {...field('headNip')}
        />
      </SimpleGrid>
    </Stack>
  );
}
