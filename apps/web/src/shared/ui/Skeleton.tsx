import type { CSSProperties } from 'react';

/** A placeholder bar shown while content loads. */
export function Skeleton({
  width = '100%',
  height = '1em',
  className = '',
}: {
  width?: string;
  height?: string;
  className?: string;
}) {
  const style: CSSProperties = { width, height };
  return <span className={`skeleton ${className}`} style={style} aria-hidden="true" />;
}

/** Placeholder cards for a list that is loading; announced once to screen readers. */
export function SkeletonCards({
  count = 3,
  label,
  className = 'skeleton-list',
}: {
  count?: number;
  label: string;
  className?: string;
}) {
  return (
    <div className={className} role="status">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="card skeleton-card" aria-hidden="true">
          <Skeleton width="30%" height="0.8em" />
          <Skeleton width="90%" height="1.2em" />
          <Skeleton width="70%" height="1.2em" />
          <Skeleton width="45%" height="0.8em" />
        </div>
      ))}
    </div>
  );
}

/** Placeholder lines for an article that is loading. */
export function SkeletonArticle({ label }: { label: string }) {
  return (
    <div className="skeleton-article" role="status">
      <span className="visually-hidden">{label}</span>
      <Skeleton width="25%" height="0.9em" />
      <Skeleton width="95%" height="2em" />
      <Skeleton width="60%" height="2em" />
      <div className="skeleton-article__chips" aria-hidden="true">
        <Skeleton width="5rem" height="1.6em" />
        <Skeleton width="7rem" height="1.6em" />
        <Skeleton width="6rem" height="1.6em" />
      </div>
      <Skeleton width="40%" height="1.3em" />
      <Skeleton width="100%" />
      <Skeleton width="92%" />
      <Skeleton width="85%" />
      <Skeleton width="70%" />
    </div>
  );
}
