/**
 * A meeting's photos: at most three, each at most 300 KB (the renderer shrinks them before upload, so the one
 * database file still holds everything without growing by megabytes a meeting). Bigger ones are refused here.
 */
import { AppError } from '../../domain/errors';
import { MEETING_LIMITS } from '../../domain/p2k2';

export interface NewPhoto {
  mime: 'image/jpeg' | 'image/png';
  bytes: Buffer;
}

const SIGNATURES: Record<NewPhoto['mime'], number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
};

/** Checks the photos of a save: kept ones must be the meeting's own, new ones real images within the limit. */
export function checkPhotos(
  ownIds: readonly number[],
  photos: readonly ({ id: number } | { mime: NewPhoto['mime']; base64: string })[],
): (NewPhoto | { id: number })[] {
  return photos.map((photo, i) => {
    const field = { fields: { [`photos.${i}`]: '' } };
    if ('id' in photo) {
      if (!ownIds.includes(photo.id))
        throw new AppError('INVALID_INPUT', `Foto ${i + 1} bukan foto pertemuan ini.`, field);
      return photo;
    }
    const bytes = Buffer.from(photo.base64, 'base64');
    if (bytes.length > MEETING_LIMITS.photoBytes) {
      const message = `Foto ${i + 1} berukuran ${Math.ceil(bytes.length / 1024)} KB; paling besar ${MEETING_LIMITS.photoBytes / 1024} KB.`;
      throw new AppError('TOO_LARGE', message, { fields: { [`photos.${i}`]: message } });
    }
    if (!SIGNATURES[photo.mime].every((b, at) => bytes[at] === b)) {
      const message = `Foto ${i + 1} bukan gambar JPEG atau PNG yang utuh.`;
      throw new AppError('INVALID_INPUT', message, { fields: { [`photos.${i}`]: message } });
    }
    return { mime: photo.mime, bytes };
  });
}

/** "foto: 1 dihapus, 2 ditambahkan" for the audit line, or nothing when the photos stayed. */
export function photoChanges(beforeIds: readonly number[], photos: readonly (NewPhoto | { id: number })[]): string[] {
  const kept = photos.flatMap((p) => ('id' in p ? [p.id] : []));
  const removed = beforeIds.filter((id) => !kept.includes(id)).length;
  const added = photos.length - kept.length;
  const parts = [removed ? `${removed} dihapus` : '', added ? `${added} ditambahkan` : ''].filter(Boolean);
  return parts.length ? [`foto: ${parts.join(', ')}`] : [];
}
