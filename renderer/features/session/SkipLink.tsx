import type { MouseEvent } from 'react';
import classes from './SkipLink.module.css';

export const MAIN_CONTENT_ID = 'konten-utama';

/**
 * "Lewati ke konten utama", the first stop of Tab: a keyboard user reaches the page past the 17 navigation
 * links. The focus is moved by hand because a #fragment would change the hash route.
 */
export function SkipLink() {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };
  return (
    <a className={classes.skip} href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
      Lewati ke konten utama
    </a>
  );
}
