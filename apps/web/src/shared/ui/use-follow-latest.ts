import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/** Within this many pixels of the bottom counts as "reading the latest": new lines scroll into view. */
const STICK_PX = 48;

/**
 * A scroller that follows new lines unless the reader scrolled up, in which case `behind` says so (for a
 * "Jump to latest" button). `change` is whatever changes when a line arrives.
 */
export function useFollowLatest(change: unknown) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [behind, setBehind] = useState(false);

  // Instant, not smooth: a smooth scroll still under way when the next line lands would read as the reader scrolling up.
  const scrollToEnd = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    stick.current = true;
    setBehind(false);
  }, []);

  useLayoutEffect(() => {
    if (stick.current) scrollToEnd();
    else setBehind(true);
  }, [change, scrollToEnd]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
    stick.current = atEnd;
    if (atEnd) setBehind(false);
  }, []);

  return { scroller, behind, scrollToEnd, onScroll };
}
