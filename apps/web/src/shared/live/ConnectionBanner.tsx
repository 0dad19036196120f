import './ConnectionBanner.css';
import type { ConnectionStatus } from './live-connection';
import { Spinner } from '../ui/Spinner';

/** Shown over the room (never pushing it around) while the connection is down. */
export function ConnectionBanner({
  connection,
  joined,
  attempt,
}: {
  connection: ConnectionStatus;
  joined: boolean;
  attempt: number;
}) {
  const down = connection === 'reconnecting' || (connection === 'connected' && !joined);
  const message =
    connection === 'reconnecting'
      ? `Connection lost. Reconnecting${attempt > 1 ? ` (attempt ${attempt})` : ''}… Your answer so far is kept.`
      : connection === 'connecting'
        ? 'Connecting to the interview…'
        : 'Rejoining the interview…';
  return (
    <div className="connection-banner-slot" role="status" aria-live="polite">
      {(down || connection === 'connecting') && (
        <div
          className={`connection-banner${connection === 'reconnecting' ? ' connection-banner--warning' : ''}`}
          data-testid="connection-banner"
        >
          <Spinner size="small" />
          <span>{message}</span>
        </div>
      )}
    </div>
  );
}

/** The small status pill in the room's header. */
export function ConnectionPill({ connection, joined }: { connection: ConnectionStatus; joined: boolean }) {
  const state = connection === 'connected' && joined ? 'online' : connection === 'reconnecting' ? 'offline' : 'pending';
  const label = state === 'online' ? 'Connected' : state === 'offline' ? 'Reconnecting' : 'Connecting';
  return (
    <span className={`connection-pill connection-pill--${state}`} data-testid="connection-status" data-state={state}>
      <span className="connection-pill__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
