/**
 * The office website as the address of its verification page. When the website is set, a letter's QR holds
 * `<website>/verifikasi#<code>`: a phone's camera opens the office's own page, which checks the code in the
 * browser. The code travels after `#`, so it never reaches the web server (nothing to log, nothing to serve).
 * The website may be written with or without https:// (the kop prints it as typed).
 */

export const VERIFICATION_PATH = 'verifikasi';

const SCHEME = /^https?:\/\//i;
/** A host name with at least one dot (dinsos.contohkab.go.id), an optional port and an optional path. */
const SITE =
  /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?(\/[A-Za-z0-9._~%!$&'()+,;=:@/-]*)?$/i;

/** Why a typed website cannot be the page's address (Indonesian), or null when it can (or is empty). */
export function websiteProblem(website: string): string | null {
  const text = website.trim();
  if (!text) return null;
  if (SITE.test(text.replace(SCHEME, ''))) return null;
  return (
    'Alamat laman tidak dapat dipakai: tulis seperti dinsos.contohkab.go.id atau https://dinsos.contohkab.go.id ' +
    '(tanpa spasi, tanpa tanda ? atau #).'
  );
}

/**
 * What a letter's QR holds: `<website>/verifikasi#<code>` (https:// added when the website has no scheme,
 * no double slash), or the bare code when no usable website is set.
 */
export function qrContentFor(website: string, code: string): string {
  const text = website.trim();
  if (!text || websiteProblem(text)) return code;
  const base = (SCHEME.test(text) ? text : `https://${text}`).replace(/\/+$/, '');
  return `${base}/${VERIFICATION_PATH}#${code}`;
}

/** Where the page lives (`https://dinsos.contohkab.go.id/verifikasi`), or null without a usable website. */
export function verificationPageAddress(website: string): string | null {
  const content = qrContentFor(website, '');
  return content ? content.slice(0, -1) : null;
}

/**
 * The code inside what was scanned or pasted: the part after `/verifikasi#` of a page address (percent-escapes
 * undone, as a browser's address bar may show them), or the text itself.
 */
export function codeOfScan(text: string): string {
  const match = /^[^#*]*\/verifikasi\/?#(.*)$/is.exec(text.trim());
  if (!match) return text;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
