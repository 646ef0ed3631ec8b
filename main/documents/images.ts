/**
 * The images a batch prints (the kop's emblem), registered once per PDF under short keys: 300 letters
 * with the same logo embed it once. Only PNG/JPEG data URLs are accepted; anything else prints no logo
 * rather than making pdfmake read a path or a URL.
 */
const DATA_URL = /^data:image\/(png|jpe?g);base64,[A-Za-z0-9+/=\s]+$/;

export class Images {
  private readonly keys = new Map<string, string>();
  readonly dictionary: Record<string, string> = {};

  /** The key of the image in the PDF, or null when there is none (or it is not a PNG/JPEG data URL). */
  key(dataUrl: string | null): string | null {
    if (!dataUrl) return null;
    let key = this.keys.get(dataUrl);
    if (!key) {
      if (!DATA_URL.test(dataUrl)) return null;
      key = `image${this.keys.size + 1}`;
      this.keys.set(dataUrl, key);
      this.dictionary[key] = dataUrl;
    }
    return key;
  }
}
