import type { InterviewerNote, NoteCommand } from '@mockroom/contracts';
import { useId, useState, type FormEvent } from 'react';
import './NotesPanel.css';
import './console-panels.css';
import { clock } from '../../shared/format';
import { Chip } from '../../shared/ui/Chip';
import { Spinner } from '../../shared/ui/Spinner';

interface NotesPanelProps {
  /** The question being asked (-1 before the first): notes go with it. */
  questionIndex: number;
  notes: InterviewerNote[];
  /** Why notes can't be added now, or null. */
  blocked: string | null;
  onAdd: (command: NoteCommand) => Promise<InterviewerNote>;
}

const NOTE_MAX = 4_000;

/** The interviewer's notes: private ones stay with them; shared ones appear in the candidate's review. */
export function NotesPanel({ questionIndex, notes, blocked, onAdd }: NotesPanelProps) {
  const headingId = useId();
  const textId = useId();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<NoteCommand['visibility']>('private');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newestFirst = [...notes].reverse();

  async function add(event: FormEvent) {
    event.preventDefault();
    if (adding || blocked) return;
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Write the note first.');
      return;
    }
    setAdding(true);
    setError(null);
    try {
      await onAdd({ questionIndex: questionIndex >= 0 ? questionIndex : null, text: trimmed, visibility });
      setText('');
      // Each note starts private: sharing is a choice made per note, never carried over to the next one.
      setVisibility('private');
    } catch (problem) {
      setError(`Couldn't add the note. ${problem instanceof Error ? problem.message : ''}`.trim());
    } finally {
      setAdding(false);
    }
  }

  return (
    <section className="console-panel card" aria-labelledby={headingId} data-testid="console-notes">
      <div className="console-panel__header">
        <h2 id={headingId} className="console-panel__title">
          Notes
        </h2>
        <span className="muted-text">
          {questionIndex >= 0 ? `For question ${questionIndex + 1}` : 'For the whole session'}
        </span>
      </div>
      <form className="console-notes__form" onSubmit={(event) => void add(event)} noValidate>
        <div className="field">
          <label htmlFor={textId} className="field__label">
            Note
          </label>
          <textarea
            id={textId}
            className="input console-notes__text"
            rows={3}
            maxLength={NOTE_MAX}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="note-text"
          />
        </div>
        <fieldset className="console-notes__visibility">
          <legend className="visually-hidden">Who sees this note</legend>
          <label className="console-radio">
            <input
              type="radio"
              name="note-visibility"
              value="private"
              checked={visibility === 'private'}
              onChange={() => setVisibility('private')}
            />
            Private
          </label>
          <label className="console-radio">
            <input
              type="radio"
              name="note-visibility"
              value="shared"
              checked={visibility === 'shared'}
              onChange={() => setVisibility('shared')}
            />
            Shared with the candidate
          </label>
        </fieldset>
        <div className="console-scores__actions">
          <button
            type="submit"
            className="button button--secondary button--small"
            disabled={adding || blocked !== null}
          >
            {adding && <Spinner size="small" />}
            Add note
          </button>
          <span className="muted-text">
            {blocked ?? (visibility === 'shared' ? 'The candidate sees it in their review.' : 'Only you see it.')}
          </span>
        </div>
        {error && (
          <p className="form-alert" role="alert">
            {error}
          </p>
        )}
      </form>
      {newestFirst.length > 0 && (
        <ol className="console-notes__list" aria-label="Your notes">
          {newestFirst.map((note) => (
            <li key={note.id} className="console-note" data-testid="console-note" data-visibility={note.visibility}>
              <div className="console-note__meta">
                <Chip tone={note.visibility === 'shared' ? 'info' : 'neutral'}>
                  {note.visibility === 'shared' ? 'Shared' : 'Private'}
                </Chip>
                <span>{note.questionIndex === null ? 'Session' : `Question ${note.questionIndex + 1}`}</span>
                <time dateTime={`PT${Math.floor(note.atMs / 1000)}S`}>{clock(note.atMs)}</time>
              </div>
              <p className="console-note__text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
