import {
  SCORE_DIMENSIONS,
  type InterviewerScore,
  type Question,
  type ScoreCommand,
  type ScoreDimension,
} from '@mockroom/contracts';
import { useId, useState, type FormEvent } from 'react';
import './ScoresPanel.css';
import './console-panels.css';
import { formatDateTime } from '../../shared/format';
import { Spinner } from '../../shared/ui/Spinner';
import { parseScores, SCORE_LABELS, scoreDraft, type ScoreDraft } from '../session-logic';

interface ScoresPanelProps {
  /** The question being asked (-1 before the first): the one scored unless another is picked. */
  questionIndex: number;
  questionCount: number;
  questions: (Question | null)[] | undefined;
  scores: InterviewerScore[];
  /** Why scores can't be saved now, or null. */
  blocked: string | null;
  onSave: (command: ScoreCommand) => Promise<InterviewerScore>;
}

/** The interviewer's four scores (0–10) for a question; saving replaces earlier ones. */
export function ScoresPanel({ questionIndex, questionCount, questions, scores, blocked, onSave }: ScoresPanelProps) {
  const headingId = useId();
  const selectId = useId();
  // null: follow the question being asked.
  const [picked, setPicked] = useState<number | null>(null);
  const index = picked ?? Math.max(0, questionIndex);
  const saved = scores.find((s) => s.questionIndex === index) ?? null;
  // Unsaved edits, per question.
  const [drafts, setDrafts] = useState<Record<number, ScoreDraft>>({});
  const draft = drafts[index] ?? scoreDraft(saved);
  const [errors, setErrors] = useState<Partial<Record<ScoreDimension, string>>>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState<number | null>(null);

  const edit = (dimension: ScoreDimension, value: string) => {
    setDrafts((current) => ({ ...current, [index]: { ...draft, [dimension]: value } }));
    setJustSaved(null);
    if (errors[dimension]) setErrors(({ [dimension]: _fixed, ...rest }) => rest);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving || blocked) return;
    const parsed = parseScores(draft);
    setErrors(parsed.errors);
    if (!parsed.scores) {
      setError('Each score is a number from 0 to 10 (one decimal at most).');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave({ questionIndex: index, scores: parsed.scores });
      setDrafts(({ [index]: _saved, ...rest }) => rest);
      setJustSaved(index);
    } catch (problem) {
      setError(`Couldn't save the scores. ${problem instanceof Error ? problem.message : ''}`.trim());
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="console-panel card" aria-labelledby={headingId} data-testid="console-scores">
      <div className="console-panel__header">
        <h2 id={headingId} className="console-panel__title">
          Scores
        </h2>
        <div className="console-panel__picker">
          <label htmlFor={selectId} className="visually-hidden">
            Question to score
          </label>
          <select
            id={selectId}
            className="select select--small"
            value={index}
            onChange={(event) => {
              const value = Number(event.target.value);
              setPicked(value === Math.max(0, questionIndex) ? null : value);
              setErrors({});
              setError(null);
              setJustSaved(null);
            }}
          >
            {Array.from({ length: Math.max(1, questionCount) }, (_, i) => (
              <option key={i} value={i}>
                Question {i + 1}
                {i === questionIndex ? ' (now)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {questions?.[index] && <p className="console-panel__question">{questions[index]?.text}</p>}
      <form className="console-scores" onSubmit={(event) => void save(event)} noValidate>
        <div className="console-scores__grid">
          {SCORE_DIMENSIONS.map((dimension) => (
            <ScoreField
              key={dimension}
              dimension={dimension}
              value={draft[dimension]}
              error={errors[dimension]}
              onChange={(value) => edit(dimension, value)}
            />
          ))}
        </div>
        <div className="console-scores__actions">
          <button type="submit" className="button button--primary button--small" disabled={saving || blocked !== null}>
            {saving && <Spinner size="small" />}
            Save scores
          </button>
          <span className="muted-text" role="status" data-testid="scores-status">
            {blocked ??
              (justSaved === index && saved
                ? 'Saved.'
                : drafts[index]
                  ? 'Not saved yet.'
                  : saved
                    ? `Saved ${formatDateTime(saved.updatedAt)}.`
                    : '0 to 10, one decimal at most.')}
          </span>
        </div>
        {error && (
          <p className="form-alert" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

function ScoreField({
  dimension,
  value,
  error,
  onChange,
}: {
  dimension: ScoreDimension;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className={`field console-score${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {SCORE_LABELS[dimension]}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className="input input--number console-score__input"
        min={0}
        max={10}
        step={0.1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={`score-${dimension}`}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <span className="visually-hidden" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
