import { useEffect, useId, useRef, useState } from 'react';
import './CopyLink.css';

/** A link to hand to someone: shown in a read-only field, with a Copy button. */
export function CopyLink({
  url,
  label = 'Invitation link',
  testId = 'invite-link',
}: {
  url: string;
  label?: string;
  testId?: string;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 4_000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure page, or refused): select the text so it can be copied by hand.
      input.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="copy-link">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-link__row">
        <input
          ref={input}
          id={id}
          className="input copy-link__input"
          type="text"
          readOnly
          value={url}
          data-testid={testId}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="field__hint" role="status">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.'
            : '\u00a0'}
      </p>
    </div>
  );
}
