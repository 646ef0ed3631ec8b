/** Characters Windows refuses in file names, and whitespace, become one '-' (a letter number's '/' too). */
export function fileNamePart(text: string): string {
  return text
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
