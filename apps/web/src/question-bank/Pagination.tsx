interface PaginationProps {
  total: number;
  offset: number;
  limit: number;
  onPage: (page: number) => void;
}

/** "1–20 of 66" with Prev and Next. */
export function Pagination({ total, offset, limit, onPage }: PaginationProps) {
  if (total === 0) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  const first = Math.min(offset + 1, total);
  const last = Math.min(offset + limit, total);
  const range = (
    <p className="pagination__range">
      {first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')}
    </p>
  );
  if (pages === 1 && offset === 0) return <div className="pagination">{range}</div>;
  return (
    <nav className="pagination" aria-label="Pages of results">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        <span aria-hidden="true">←</span> Prev
      </button>
      {range}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next <span aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
