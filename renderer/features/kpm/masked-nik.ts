import { isMaskedNik } from '../../../main/domain/identity';

/**
 * A NIK or No. KK the user's role sees masked (Pengaturan > Keamanan): shown, kept as it is on save (the
 * server puts the stored number back), not editable.
 */
export function maskedProps(value: string) {
  return isMaskedNik(value)
    ? { readOnly: true, title: 'Nomor tersamar untuk peran Anda; tidak dapat diubah.', 'data-masked': true }
    : {};
}
