import type { ShareInfo } from '@mockroom/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import './SharePanel.css';
import { errorMessage } from '../shared/api/client';
import { reviewsApi } from '../shared/api/endpoints';
import { formatDate } from '../shared/format';
import { Spinner } from '../shared/ui/Spinner';
import { TextField } from '../shared/ui/TextField';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The owner shares the review with interviewers by e-mail, and can take access back. */
export function SharePanel({ interviewId, initial }: { interviewId: string; initial: ShareInfo[] }) {
  const [shares, setShares] = useState(initial);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sharing, setSharing] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const fail = (message: string) => {
    setError(message);
    input.current?.focus();
  };

  const share = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const address = email.trim();
    setStatus('');
    setRevokeError(null);
    if (!address) return fail("Enter the interviewer's e-mail address.");
    if (!EMAIL.test(address)) return fail('Enter an e-mail address like name@example.com.');
    const already = shares.find((s) => s.email === address.toLowerCase());
    if (already) return fail(`It's already shared with ${already.email}.`);
    setSharing(true);
    setError(undefined);
    try {
      const added = await reviewsApi.share(interviewId, address);
      setShares((list) => [...list.filter((s) => s.id !== added.id), added]);
      setEmail('');
      setStatus(`Shared with ${added.email}.`);
    } catch (problem) {
      fail(errorMessage(problem));
    } finally {
      setSharing(false);
    }
  };

  const revoke = async (entry: ShareInfo) => {
    setRevoking(entry.id);
    setRevokeError(null);
    setStatus('');
    try {
      await reviewsApi.revoke(interviewId, entry.id);
      setShares((list) => list.filter((s) => s.id !== entry.id));
      setStatus(`${entry.email} can no longer open this interview.`);
      input.current?.focus();
    } catch (problem) {
      setRevokeError(`Couldn't stop sharing with ${entry.email}: ${errorMessage(problem)}`);
    } finally {
      setRevoking(null);
    }
  };

  return (
    <section id="share" className="card review-share" aria-labelledby="review-share-heading" data-testid="share-panel">
      <h2 id="review-share-heading" className="section-title">
        Share with an interviewer
      </h2>
      <p className="review-share__intro">
        An interviewer you share with can listen to the recording, read the transcript and scores, and export them. They
        can't change or delete anything. It opens to the interviewer's account at the address you enter, now or once
        they sign up with it.
      </p>
      <form className="review-share__form" onSubmit={(event) => void share(event)} noValidate>
        <TextField
          ref={input}
          label="Interviewer's e-mail"
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          error={error}
          onChange={(event) => {
            setEmail(event.target.value);
            if (error) setError(undefined);
          }}
          hint="The address of their Mockroom interviewer account."
        />
        <button type="submit" className="button button--primary review-share__submit" disabled={sharing}>
          {sharing && <Spinner size="small" />}
          Share
        </button>
      </form>
      <p className="review-share__status" role="status">
        {status}
      </p>
      {revokeError && (
        <p className="form-alert" role="alert">
          {revokeError}
        </p>
      )}
      <h3 className="review-share__subtitle">Shared with</h3>
      {shares.length === 0 ? (
        <p className="review-share__none">Nobody yet. Only you can open this interview.</p>
      ) : (
        <ul className="review-share__list">
          {shares.map((entry) => (
            <ShareRow
              key={entry.id}
              entry={entry}
              busy={revoking === entry.id}
              disabled={revoking !== null}
              onRevoke={() => void revoke(entry)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ShareRow({
  entry,
  busy,
  disabled,
  onRevoke,
}: {
  entry: ShareInfo;
  busy: boolean;
  disabled: boolean;
  onRevoke: () => void;
}) {
  const nameId = useId();
  return (
    <li className="review-share__item" data-testid="share" data-share-id={entry.id}>
      <div className="review-share__who">
        <span id={nameId} className="review-share__name">
          {entry.email}
        </span>
        <span className="review-share__date">Shared {formatDate(entry.createdAt)}</span>
      </div>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-describedby={nameId}
        onClick={onRevoke}
        disabled={disabled}
      >
        {busy && <Spinner size="small" />}
        Revoke
      </button>
    </li>
  );
}
