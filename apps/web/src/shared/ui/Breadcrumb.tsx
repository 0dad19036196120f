import { Link } from 'react-router';

/** The way back up from a page ("← Interviews"). */
export function Breadcrumb({ to, label, className }: { to: string; label: string; className?: string }) {
  return (
    <nav className={className ? `breadcrumb ${className}` : 'breadcrumb'} aria-label="Breadcrumb">
      <Link to={to}>
        <span aria-hidden="true">← </span>
        {label}
      </Link>
    </nav>
  );
}
