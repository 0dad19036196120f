import type { Participant, ParticipantRole } from '@mockroom/contracts';
import './PresenceChips.css';
import { presenceChips, type SessionNames } from './session-logic';

const ROLE_LABELS: Record<ParticipantRole, string> = { interviewer: 'Interviewer', candidate: 'Candidate' };

interface PresenceChipsProps {
  participants: readonly Participant[];
  viewer: ParticipantRole;
  names: SessionNames;
  /** This browser is in the session (its own chip shows as connected before presence arrives). */
  joined: boolean;
}

/** Who is in the session: one chip per person, with a dot that says whether they are connected now. */
export function PresenceChips({ participants, viewer, names, joined }: PresenceChipsProps) {
  const chips = presenceChips(participants);
  const shown: { key: string; role: ParticipantRole; name: string; connected: boolean; placeholder: boolean }[] = [];
  for (const role of ['interviewer', 'candidate'] as const) {
    const people = chips.filter((p) => p.role === role);
    if (people.length > 0) {
      for (const person of people)
        shown.push({
          key: person.userId,
          role,
          name: person.name,
          connected: person.connected || (role === viewer && joined),
          placeholder: false,
        });
    } else if (role === viewer) {
      shown.push({ key: role, role, name: names[role], connected: joined, placeholder: false });
    } else {
      const name = names[role].trim();
      shown.push({
        key: role,
        role,
        name: name || (role === 'candidate' ? 'No candidate yet' : 'Interviewer'),
        connected: false,
        placeholder: !name,
      });
    }
  }
  return (
    <ul className="presence" aria-label="Who is here" data-testid="presence">
      {shown.map((chip) => (
        <li
          key={chip.key}
          className={`presence__chip${chip.connected ? ' presence__chip--connected' : ''}${chip.placeholder ? ' presence__chip--placeholder' : ''}`}
          data-testid="presence-chip"
          data-role={chip.role}
          data-connected={chip.connected ? 'true' : 'false'}
        >
          <span className="presence__dot" aria-hidden="true" />
          <span className="presence__name">
            {chip.name}
            {chip.role === viewer && <span className="presence__you"> (you)</span>}
          </span>
          <span className="presence__role">{ROLE_LABELS[chip.role]}</span>
          <span className="visually-hidden">{chip.connected ? ', connected' : ', not connected'}</span>
        </li>
      ))}
    </ul>
  );
}
