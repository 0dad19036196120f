import './Wordmark.css';

/** The product's mark and name. */
export function Wordmark() {
  return (
    <span className="wordmark">
      <svg className="wordmark__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <rect x="13" y="6" width="6" height="13" rx="3" fill="var(--color-accent-contrast)" />
        <path
          d="M9.5 15.5a6.5 6.5 0 0 0 13 0"
          fill="none"
          stroke="var(--color-accent-contrast)"
          strokeWidth="2"
          strokeLinecap="round"
        />
        <path d="M16 22v4M12 26h8" stroke="var(--color-accent-contrast)" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <span className="wordmark__name">Mockroom</span>
    </span>
  );
}
