import { type ReactNode, useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmModal } from './ConfirmModal';

/**
 * Asks before a form with unsaved changes is left: a link, Batal or the back button inside the app (react-router's
 * blocker), and closing or reloading the window (the browser's own beforeunload question, whose text the browser
 * chooses). `leaveSaved(go)` is for the navigation that follows a successful save.
 */
export function useUnsavedChanges(dirty: boolean): { leaveSaved: (go: () => void) => void; prompt: ReactNode } {
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const saved = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (saved.current) return;
      event.preventDefault();
      // Older Chromium (and Electron) still want returnValue set to show the question.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const leaveSaved = useCallback((go: () => void) => {
    saved.current = true;
    go();
  }, []);
  const prompt = (
    <ConfirmModal
      opened={blocker.state === 'blocked'}
      title="Tinggalkan halaman?"
      confirmLabel="Buang perubahan"
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    >
      Perubahan di formulir ini belum disimpan dan akan hilang bila halaman ditinggalkan.
    </ConfirmModal>
  );
  return { leaveSaved, prompt };
}
