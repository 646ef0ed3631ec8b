/**
 * Where the shipped font files are. The main thread resolves the folder with import.meta.resolve and hands it to
 * the PDF worker: run from source, the worker's files are compiled by tsx as CommonJS (piscina loads an entry
 * with require() first), where import.meta.resolve does not exist.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

let toldFolder: string | null = null;

/** The folder of @fontsource/tinos's .woff files. */
export function fontFolder(): string {
  toldFolder ??= dirname(fileURLToPath(import.meta.resolve('@fontsource/tinos/files/tinos-latin-400-normal.woff')));
  return toldFolder;
}

/** In a worker: the folder the main thread found. */
export function setFontFolder(folder: string): void {
  toldFolder = folder;
}
