import { MEETING_LIMITS } from '../../../main/domain/p2k2';

/** A photo as the contract carries it: JPEG bytes in base64. */
export interface PhotoUpload {
  mime: 'image/jpeg';
  base64: string;
}

const MAX_SIDE = 1600;

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('Foto tidak dapat diperkecil.'))),
      'image/jpeg',
      quality,
    ),
  );
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * Shrinks a camera photo to a JPEG of at most 300 KB (the server refuses bigger ones): at most 1,600 pixels a side
 * at quality 0.8, then 0.6, then smaller by the square root of how far it is over (a JPEG's size follows its area),
 * until it fits. A phone's 4 MB photo fits at the first or second try; a picture of pure noise in about three.
 */
export async function shrinkPhoto(file: Blob): Promise<PhotoUpload> {
  const bitmap = await createImageBitmap(file);
  let scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  for (let attempt = 0; attempt < 8; attempt++) {
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    let blob: Blob | null = null;
    for (const quality of [0.8, 0.6]) {
      blob = await toBlob(canvas, quality);
      if (blob.size <= MEETING_LIMITS.photoBytes) return { mime: 'image/jpeg', base64: await base64Of(blob) };
    }
    scale *= Math.sqrt(MEETING_LIMITS.photoBytes / (blob?.size ?? 1)) * 0.9;
  }
  throw new Error('Foto tidak dapat diperkecil sampai 300 KB.');
}
