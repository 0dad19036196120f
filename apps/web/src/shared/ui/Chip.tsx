import type { ReactNode } from 'react';

export type ChipTone = 'neutral' | 'accent' | 'info' | 'warning' | 'success';

/** A compact label for a fact about something (its role, level, category…). */
export function Chip({ children, tone = 'neutral', title }: { children: ReactNode; tone?: ChipTone; title?: string }) {
  return (
    <span className={`chip chip--${tone}`} title={title}>
      {children}
    </span>
  );
}
