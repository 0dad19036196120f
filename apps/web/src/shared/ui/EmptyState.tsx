import type { ReactNode } from 'react';

/** Nothing to show yet, with a way forward. */
export function EmptyState({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="state state--empty">
      <h2 className="state__title">{title}</h2>
      {children && <div className="state__message">{children}</div>}
      {actions && <div className="state__actions">{actions}</div>}
    </div>
  );
}
