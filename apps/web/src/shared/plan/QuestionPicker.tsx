import { QUESTION_COUNT_MAX, type Level, type QuestionSummary, type Role } from '@mockroom/contracts';
import { useEffect, useId, useState } from 'react';
import './QuestionPicker.css';
import { questionBankApi } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { Chip } from '../ui/Chip';
import { categoryLabel, LEVEL_LABELS, levelsLabel, ROLE_LABELS } from '../ui/labels';
import { Spinner } from '../ui/Spinner';
import { moveItem } from './plan-form';

const RESULTS = 8;

interface QuestionPickerProps {
  role: Role;
  level: Level;
  chosen: QuestionSummary[];
  onChange: (chosen: QuestionSummary[]) => void;
  error?: string;
}

/**
 * Questions chosen one by one from the bank, in the order they are asked. Without search words it suggests questions
 * for the role and level; words search the whole bank, since a good question for this interview may be filed under
 * another role or level.
 */
export function QuestionPicker({ role, level, chosen, onChange, error }: QuestionPickerProps) {
  const searchId = useId();
  const chosenId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const results = useResource(
    query ? `picker-search:${query}` : `picker-suggestions:${role}:${level}`,
    (signal) => questionBankApi.list(query ? { q: query, limit: RESULTS } : { role, level, limit: RESULTS }, signal),
    { keepPrevious: true },
  );
  const chosenIds = new Set(chosen.map((q) => q.id));
  const full = chosen.length >= QUESTION_COUNT_MAX;

  return (
    <div className={`question-picker${error ? ' field--invalid' : ''}`}>
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          Search the bank
        </label>
        <input
          id={searchId}
          type="search"
          className="input"
          value={text}
          placeholder="e.g. caching, idempotency, a time you disagreed"
          onChange={(event) => setText(event.target.value)}
          aria-controls={`${searchId}-results`}
          aria-describedby={`${searchId}-hint`}
        />
        <p className="field__hint" id={`${searchId}-hint`}>
          {query
            ? 'Matches from the whole bank, for any role and level.'
            : `Suggestions for ${ROLE_LABELS[role]} · ${LEVEL_LABELS[level]}. Type to search the whole bank.`}
        </p>
      </div>
      <div id={`${searchId}-results`} className="question-picker__results" aria-busy={results.status === 'loading'}>
        {results.status === 'error' && !results.data ? (
          <p className="field__error" role="alert">
            Couldn't search the bank ({results.error.message}).{' '}
            <button type="button" className="button button--link" onClick={results.reload}>
              Try again
            </button>
          </p>
        ) : !results.data ? (
          <Spinner label="Searching the bank…" />
        ) : results.data.items.length === 0 ? (
          <p className="muted-text">
            {query
              ? 'No questions match. Try other words.'
              : 'No questions for this role and level. Search the whole bank above.'}
          </p>
        ) : (
          <ul className="question-picker__list" aria-label={query ? 'Matching questions' : 'Suggested questions'}>
            {results.data.items.map((question) => (
              <PickerRow
                key={question.id}
                question={question}
                action={chosenIds.has(question.id) ? 'Added' : 'Add'}
                disabled={chosenIds.has(question.id) || full}
                onAction={() => onChange([...chosen, question])}
              />
            ))}
          </ul>
        )}
      </div>

      <div className="question-picker__chosen" role="group" aria-labelledby={chosenId}>
        <p id={chosenId} className="field__label">
          Your questions ({chosen.length} of at most {QUESTION_COUNT_MAX}), in the order they're asked
        </p>
        {chosen.length === 0 ? (
          <p className="muted-text">None yet: add them from the search above.</p>
        ) : (
          <ol className="question-picker__list question-picker__list--chosen" data-testid="chosen-questions">
            {chosen.map((question, index) => (
              <li
                key={question.id}
                className="question-picker__row"
                data-testid="chosen-question"
                data-question-id={question.id}
              >
                <span className="question-picker__number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="question-picker__text">{question.text}</span>
                <QuestionFacts question={question} />
                <span className="question-picker__actions">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => onChange(moveItem(chosen, index, -1))}
                    disabled={index === 0}
                    aria-label={`Move question ${index + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => onChange(moveItem(chosen, index, 1))}
                    disabled={index === chosen.length - 1}
                    aria-label={`Move question ${index + 1} down`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => onChange(chosen.filter((q) => q.id !== question.id))}
                    aria-label={`Remove question ${index + 1}`}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {error && <p className="field__error">{error}</p>}
      </div>
    </div>
  );
}

function PickerRow({
  question,
  action,
  disabled,
  onAction,
}: {
  question: QuestionSummary;
  action: string;
  disabled: boolean;
  onAction: () => void;
}) {
  const textId = useId();
  return (
    <li className="question-picker__row" data-testid="bank-question" data-question-id={question.id}>
      <span className="question-picker__text" id={textId}>
        {question.text}
      </span>
      <QuestionFacts question={question} />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onAction}
        disabled={disabled}
        aria-describedby={textId}
      >
        {action}
      </button>
    </li>
  );
}

/** Role, levels and category, so questions from other roles and levels stand out. */
function QuestionFacts({ question }: { question: QuestionSummary }) {
  return (
    <span className="question-picker__facts">
      <Chip tone="accent">{ROLE_LABELS[question.role] ?? question.role}</Chip>
      <Chip>{levelsLabel(question.levels)}</Chip>
      <Chip>{categoryLabel(question.category)}</Chip>
    </span>
  );
}
