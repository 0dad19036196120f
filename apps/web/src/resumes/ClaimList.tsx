import type { ResumeClaim } from '@mockroom/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Chip } from '../shared/ui/Chip';
import { splitAtMetric } from './claim-text';
import { CLAIM_MAX_CHARS, errorKey, tidy, type ClaimDraft } from './profile-draft';
import { CLAIM_KIND_LABELS } from './resume-file';
import type { ProfileEditor } from './use-profile-editor';

/** The claims that interviews ask the candidate to back up, each editable and removable. */
export function ClaimList({ editor, claims }: { editor: ProfileEditor; claims: ResumeClaim[] }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const read = new Map(claims.map((claim) => [claim.id, claim]));
  return (
    <section className="profile-block" aria-labelledby="profile-claims-heading">
      <h3 id="profile-claims-heading" className="profile-block__title" ref={heading} tabIndex={-1}>
        Claims ({editor.draft.claims.length})
      </h3>
      <p className="muted-text">
        Statements of impact that a tailored interview asks you to back up. Correct the words if they were misread;
        remove the ones you would rather not be asked about.
      </p>
      {editor.draft.claims.length === 0 ? (
        <p className="muted-text">No claims were found, or all were removed.</p>
      ) : (
        <ul className="profile-claims">
          {editor.draft.claims.map((claim) => (
            <ClaimItem
              key={claim.id}
              claim={claim}
              read={read.get(claim.id) ?? null}
              error={editor.errors[errorKey.claim(claim.id)] ?? null}
              onChange={(text) => editor.setClaimText(claim.id, text)}
              onRemove={() => {
                editor.removeClaim(claim.id);
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClaimItem({
  claim,
  read,
  error,
  onChange,
  onRemove,
}: {
  claim: ClaimDraft;
  /** The claim as it was read (null for none). */
  read: ResumeClaim | null;
  error: string | null;
  onChange: (text: string) => void;
  onRemove: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const before = useRef(claim.text);
  const field = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const changed = read !== null && tidy(claim.text) !== read.text;
  // The metric is where it was read; an edited text is read again when saved.
  const parts = splitAtMetric(claim.text, changed ? null : (read?.metric ?? null));

  useEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);

  const finish = (keep: boolean) => {
    if (!keep) onChange(before.current);
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <li className="profile-claim" data-testid="claim-item" data-claim-id={claim.id}>
      {editing ? (
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-text`}>
            Claim
          </label>
          <input
            ref={field}
            id={`${id}-text`}
            className="input"
            value={claim.text}
            maxLength={CLAIM_MAX_CHARS}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                finish(true);
              } else if (event.key === 'Escape') {
                event.preventDefault();
                finish(false);
              }
            }}
          />
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : (
            <p className="field__hint" id={`${id}-hint`}>
              Enter keeps it, Escape puts it back. It is read again when you save.
            </p>
          )}
        </div>
      ) : (
        <p className="profile-claim__text">
          {parts.before}
          {parts.metric && (
            <mark className="profile-claim__metric" title="The metric">
              {parts.metric}
            </mark>
          )}
          {parts.after}
        </p>
      )}
      <div className="profile-claim__meta">
        {read && <Chip tone="accent">{CLAIM_KIND_LABELS[read.kind] ?? read.kind}</Chip>}
        {changed && <Chip tone="info">changed: read again when saved</Chip>}
        {read && (read.roleTitle || read.organisation) && (
          <span className="muted-text">{[read.roleTitle, read.organisation].filter(Boolean).join(', ')}</span>
        )}
        {error && !editing && <span className="field__error">{error}</span>}
        <span className="profile-claim__actions">
          {editing ? (
            <button type="button" className="button button--secondary button--small" onClick={() => finish(true)}>
              Done
            </button>
          ) : (
            <button
              ref={editButton}
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                before.current = claim.text;
                setEditing(true);
              }}
            >
              Edit<span className="visually-hidden"> claim: {claim.text}</span>
            </button>
          )}
          <button type="button" className="button button--ghost button--small profile-claim__remove" onClick={onRemove}>
            Remove<span className="visually-hidden"> claim: {claim.text}</span>
          </button>
        </span>
      </div>
    </li>
  );
}
