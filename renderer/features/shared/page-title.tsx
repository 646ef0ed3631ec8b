import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The window title of a screen: its own name first, so a screen reader and the taskbar tell screens apart. */
export function usePageTitle(title: string) {
  useDocumentTitle(`${title} – Graduasi PKH`);
}

/** A screen under its window title. */
export function Titled({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return children;
}
