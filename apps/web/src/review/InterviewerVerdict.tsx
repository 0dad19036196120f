import type { InterviewerNote, ReviewInterviewerView } from '@mockroom/contracts';
import './InterviewerVerdict.css';
import { clock } from '../shared/format';
import { ScoreBars } from '../shared/ui/ScoreBars';

/** A human interviewer's scores and notes for one question, beside the engine's. */
export function InterviewerVerdict({ view, questionIndex }: { view: ReviewInterviewerView; questionIndex: number }) {
  const scored = view.scores.find((s) => s.questionIndex === questionIndex);
  const notes = view.notes.filter((n) => n.questionIndex === questionIndex);
  if (!scored && notes.length === 0) return null;
  return (
    <section className="review-verdict" data-testid="interviewer-verdict" aria-label={`${view.name}'s assessment`}>
      <h4 className="question-result__subtitle">{view.name}'s assessment</h4>
      {scored && (
        <ScoreBars scores={{ ...scored.scores, overall: scored.overall }} label={`Scores from ${view.name}`} />
      )}
      {notes.length > 0 && <NoteList notes={notes} />}
    </section>
  );
}

/** Notes not tied to a question, for the top of the review. */
export function GeneralNotes({ view }: { view: ReviewInterviewerView }) {
  const notes = view.notes.filter((n) => n.questionIndex === null);
  if (notes.length === 0) return null;
  return (
    <section className="card review-verdict" data-testid="interviewer-notes" aria-label={`Notes from ${view.name}`}>
      <h2 className="section-title">Notes from {view.name}</h2>
      <NoteList notes={notes} />
    </section>
  );
}

function NoteList({ notes }: { notes: InterviewerNote[] }) {
  return (
    <ul className="review-verdict__notes">
      {notes.map((note) => (
        <li
          key={note.id}
          className="review-verdict__note"
          data-testid="interviewer-note"
          data-visibility={note.visibility}
        >
          <span className="review-verdict__meta">
            at {clock(note.atMs)}
            {note.visibility === 'private' && (
              <span className="chip chip--warning review-verdict__private">Private: only you see this</span>
            )}
          </span>
          <p className="prose">{note.text}</p>
        </li>
      ))}
    </ul>
  );
}
