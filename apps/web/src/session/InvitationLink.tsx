import type { HumanSession } from '@mockroom/contracts';
import { useState } from 'react';
import { errorMessage } from '../shared/api/client';
import { sessionsApi } from '../shared/api/endpoints';
import { formatDateTime } from '../shared/format';
import { Spinner } from '../shared/ui/Spinner';
import { CopyLink } from './CopyLink';
import { invitationUrl } from './session-form';

/**
 * The invitation link of a session nobody has accepted yet: copy it, see until when it works, or make a new one (the
 * old one stops working at once, e.g. when it went to the wrong person or expired).
 */
export function InvitationLink({ session }: { session: HumanSession }) {
  const [current, setCurrent] = useState(session);
  const [renewing, setRenewing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [renewed, setRenewed] = useState(false);
  if (!current.invitePath) return null;
  const expiresAt = current.inviteExpiresAt ?? null;
  const expired = expiresAt !== null && new Date(expiresAt).getTime() <= Date.now();

  const renew = async () => {
    setRenewing(true);
    setProblem(null);
    try {
      setCurrent(await sessionsApi.renewInvitation(current.interview.id));
      setRenewed(true);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setRenewing(false);
    }
  };

  return (
    <div className="invitation-link" data-testid="invitation">
      <CopyLink url={invitationUrl(window.location.origin, current.invitePath)} />
      <p className={expired ? 'field__error' : 'muted-text'} data-testid="invite-expiry">
        {expiresAt
          ? expired
            ? `This link expired on ${formatDateTime(expiresAt)}.`
            : `The link works until ${formatDateTime(expiresAt)}.`
          : null}{' '}
        {renewed ? 'The previous link no longer works.' : null}
      </p>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => void renew()}
        disabled={renewing}
      >
        {renewing && <Spinner size="small" />}
        Make a new link
      </button>
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
