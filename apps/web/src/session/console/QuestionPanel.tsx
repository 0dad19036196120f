import type {
  ChecklistPoint,
  ConsoleState,
  Prompt,
  Question,
  QuestionChecklist,
  RubricOverrideCommand,
  ShowPromptCommand,
} from '@mockroom/contracts';
import { useId, useState, type FormEvent } from 'react';
import './QuestionPanel.css';
import { errorMessage } from '../../shared/api/client';
import { Chip } from '../../shared/ui/Chip';
import { categoryLabel } from '../../shared/ui/labels';
import { Spinner } from '../../shared/ui/Spinner';
import {
  askedFollowUps,
  blankChecklist,
  coverage,
  followUpsFor,
  nextOverride,
  nextOverrideLabel,
  nextQuestionIndex,
  pointSource,
  pointStatus,
  questionPrompt,
  wasAsked,
  withOverride,
} from '../session-logic';

interface QuestionPanelProps {
  /** The question being asked (-1 before the first is shown). */
  questionIndex: number;
  questionCount: number;
  /** The bank's questions in plan order, once loaded. */
  questions: (Question | null)[] | undefined;
  prompts: Prompt[];
  checklists: QuestionChecklist[];
  suggestions: ConsoleState['suggestions'] | null;
  started: boolean;
  /** Connected and joined: commands can be sent. */
  online: boolean;
  onShow: (command: ShowPromptCommand) => Promise<Prompt>;
  onRubric: (command: RubricOverrideCommand) => Promise<QuestionChecklist>;
}

/** Why something can't be done right now, or null when it can. */
function blockedReason(started: boolean, online: boolean): string | null {
  if (!started) return 'Start the session to show questions.';
  if (!online) return 'Waiting for the connection to come back…';
  return null;
}

/** The centre of the console: the question on the candidate's screen, its rubric checklist, and what to ask next. */
export function QuestionPanel(props: QuestionPanelProps) {
  const { questionIndex, questionCount, questions, prompts, started, online } = props;
  const shown = questionIndex >= 0;
  const viewIndex = shown ? questionIndex : 0;
  const question = questions?.[viewIndex] ?? null;
  const prompt = questionPrompt(prompts, viewIndex);
  const next = nextQuestionIndex(questionIndex, questionCount);
  const nextQuestion = next === null ? null : (questions?.[next] ?? null);
  const blocked = blockedReason(started, online);
  const [showError, setShowError] = useState<string | null>(null);
  const headingId = useId();

  const text =
    prompt?.text ?? question?.text ?? (questions === undefined ? 'Loading the question…' : `Question ${viewIndex + 1}`);

  const previous = shown && questionIndex > 0 ? questionIndex - 1 : null;
  const [showing, setShowing] = useState<'next' | 'previous' | null>(null);

  async function showQuestion(index: number | null, which: 'next' | 'previous') {
    if (index === null || showing) return;
    setShowing(which);
    setShowError(null);
    try {
      await props.onShow({ kind: 'question', questionIndex: index });
    } catch (error) {
      setShowError(`Couldn't show the question. ${messageOf(error)}`);
    } finally {
      setShowing(null);
    }
  }

  const serverChecklist = props.checklists.find((c) => c.questionIndex === viewIndex) ?? null;
  const checklist = serverChecklist ?? (question ? blankChecklist(viewIndex, question.rubric) : null);

  return (
    <section
      className="console-question card"
      aria-labelledby={headingId}
      data-testid="console-question"
      data-question-index={viewIndex}
      data-shown={shown}
    >
      <div className="console-question__top">
        <p className="console-question__position">
          Question {viewIndex + 1} of {questionCount}
          {question && (
            <>
              {' '}
              <Chip tone="accent">
                <span data-testid="console-question-category">{categoryLabel(question.category)}</span>
              </Chip>
            </>
          )}
        </p>
        <span className={`console-question__status${shown ? ' console-question__status--shown' : ''}`}>
          {shown ? 'On the candidate’s screen' : 'Not shown yet'}
        </span>
      </div>
      <h2 id={headingId} className="visually-hidden">
        Current question
      </h2>
      <p className="console-question__text" data-testid="console-question-text">
        {text}
      </p>
      {question?.context && <p className="console-question__context">{question.context}</p>}

      <div className="console-question__next">
        {previous !== null && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void showQuestion(previous, 'previous')}
            disabled={showing !== null || blocked !== null}
            data-testid="previous-question"
            title={`Show question ${previous + 1} to the candidate again`}
          >
            {showing === 'previous' && <Spinner size="small" />}← Back to question {previous + 1}
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => void showQuestion(next, 'next')}
          disabled={next === null || showing !== null || blocked !== null}
          data-testid="next-question"
        >
          {showing === 'next' && <Spinner size="small" />}
          {!shown ? 'Show the first question' : next === null ? 'No more questions' : `Show question ${next + 1}`}
        </button>
        <span className="console-question__next-text">
          {blocked ??
            (!shown
              ? 'The candidate sees each question when you show it.'
              : next === null
                ? 'This is the last question. End the session when you are done.'
                : nextQuestion
                  ? `Up next: ${nextQuestion.text}`
                  : null)}
        </span>
      </div>
      {showError && (
        <p className="form-alert" role="alert">
          {showError}
        </p>
      )}

      <Checklist
        key={`checklist-${viewIndex}`}
        checklist={checklist}
        questionIndex={viewIndex}
        enabled={shown && blocked === null}
        onRubric={props.onRubric}
      />

      <FollowUps
        key={`follow-ups-${viewIndex}`}
        questionIndex={viewIndex}
        suggestions={followUpsFor(props.suggestions, viewIndex, question?.followUps ?? [])}
        prompts={prompts}
        enabled={shown && blocked === null}
        onShow={props.onShow}
      />
    </section>
  );
}

function Checklist({
  checklist,
  questionIndex,
  enabled,
  onRubric,
}: {
  checklist: QuestionChecklist | null;
  questionIndex: number;
  enabled: boolean;
  onRubric: (command: RubricOverrideCommand) => Promise<QuestionChecklist>;
}) {
  // Overrides on their way to the server, shown at once.
  const [pending, setPending] = useState<Record<string, boolean | null>>({});
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  let shownChecklist = checklist;
  if (shownChecklist)
    for (const [pointId, override] of Object.entries(pending))
      shownChecklist = withOverride(shownChecklist, pointId, override);
  const { covered, total } = coverage(shownChecklist);

  async function cycle(point: ChecklistPoint) {
    if (point.pointId in pending) return;
    const target = nextOverride(point.override);
    setPending((current) => ({ ...current, [point.pointId]: target }));
    setError(null);
    try {
      await onRubric({ questionIndex, pointId: point.pointId, covered: target });
    } catch (problem) {
      setError(`Couldn't change “${point.text}”. ${messageOf(problem)}`);
    } finally {
      setPending((current) => {
        const next = { ...current };
        delete next[point.pointId];
        return next;
      });
    }
  }

  return (
    <div className="console-checklist" role="group" aria-labelledby={headingId}>
      <div className="console-checklist__header">
        <h3 id={headingId} className="console-subtitle">
          What a strong answer covers
        </h3>
        {total > 0 && (
          <span className="console-checklist__count" data-testid="checklist-coverage">
            {covered} of {total} covered
          </span>
        )}
      </div>
      {!shownChecklist ? (
        <p className="muted-text">The rubric appears here once the question loads.</p>
      ) : shownChecklist.points.length === 0 ? (
        <p className="muted-text">This question has no rubric points.</p>
      ) : (
        <>
          <p className="muted-text console-checklist__help">
            Points tick themselves as the candidate covers them. Click one to mark it yourself; click again to change
            it.
          </p>
          <ul className="console-checklist__list">
            {shownChecklist.points.map((point) => (
              <ChecklistItem
                key={point.pointId}
                point={point}
                busy={point.pointId in pending}
                enabled={enabled}
                onCycle={() => void cycle(point)}
              />
            ))}
          </ul>
        </>
      )}
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function ChecklistItem({
  point,
  busy,
  enabled,
  onCycle,
}: {
  point: ChecklistPoint;
  busy: boolean;
  enabled: boolean;
  onCycle: () => void;
}) {
  const statusId = useId();
  const source = pointSource(point);
  return (
    <li
      className={`checklist-point checklist-point--${point.covered ? 'covered' : 'open'} checklist-point--${source}`}
      data-testid="checklist-point"
      data-point-id={point.pointId}
      data-covered={point.covered ? 'true' : 'false'}
      data-source={source}
      aria-busy={busy || undefined}
    >
      <button
        type="button"
        className="checklist-point__button"
        onClick={onCycle}
        disabled={!enabled || busy}
        aria-describedby={statusId}
        title={enabled ? nextOverrideLabel(point.override) : undefined}
      >
        <span className="checklist-point__mark" aria-hidden="true">
          {point.covered ? '✓' : ''}
        </span>
        <span className="checklist-point__text">{point.text}</span>
      </button>
      <span id={statusId} className="checklist-point__status">
        {pointStatus(point)}
      </span>
      {point.auto && point.evidence && (
        <blockquote className="checklist-point__evidence" data-testid="checklist-evidence">
          “{point.evidence}”
        </blockquote>
      )}
    </li>
  );
}

function FollowUps({
  questionIndex,
  suggestions,
  prompts,
  enabled,
  onShow,
}: {
  questionIndex: number;
  suggestions: string[];
  prompts: Prompt[];
  enabled: boolean;
  onShow: (command: ShowPromptCommand) => Promise<Prompt>;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const [own, setOwn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const ownId = useId();
  const asked = askedFollowUps(prompts, questionIndex);

  async function ask(text: string, key: string): Promise<boolean> {
    const trimmed = text.trim();
    if (!trimmed || asking) return false;
    setAsking(key);
    setError(null);
    try {
      await onShow({ kind: 'follow-up', questionIndex, text: trimmed });
      return true;
    } catch (problem) {
      setError(`Couldn't ask the follow-up. ${messageOf(problem)}`);
      return false;
    } finally {
      setAsking(null);
    }
  }

  async function submitOwn(event: FormEvent) {
    event.preventDefault();
    if (!own.trim()) {
      setError('Type the follow-up first.');
      return;
    }
    if (await ask(own, 'own')) setOwn('');
  }

  return (
    <div className="console-follow-ups" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="console-subtitle">
        Follow-ups
      </h3>
      {suggestions.length === 0 ? (
        <p className="muted-text">No suggestions for this question yet.</p>
      ) : (
        <ul className="console-follow-ups__list">
          {suggestions.map((text, index) => (
            <FollowUpItem
              key={text}
              text={text}
              asked={wasAsked(asked, text)}
              busy={asking === `s${index}`}
              disabled={!enabled || asking !== null}
              onAsk={() => void ask(text, `s${index}`)}
            />
          ))}
        </ul>
      )}
      <form className="console-follow-ups__own" onSubmit={(event) => void submitOwn(event)}>
        <label htmlFor={ownId} className="field__label">
          Ask your own follow-up
        </label>
        <div className="console-inline-form">
          <input
            id={ownId}
            className="input"
            type="text"
            value={own}
            maxLength={500}
            placeholder="e.g. How would that change at ten times the traffic?"
            onChange={(event) => setOwn(event.target.value)}
            disabled={!enabled}
            data-testid="own-follow-up"
          />
          <button type="submit" className="button button--secondary" disabled={!enabled || asking !== null}>
            {asking === 'own' && <Spinner size="small" />}
            Ask
          </button>
        </div>
      </form>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function FollowUpItem({
  text,
  asked,
  busy,
  disabled,
  onAsk,
}: {
  text: string;
  asked: boolean;
  busy: boolean;
  disabled: boolean;
  onAsk: () => void;
}) {
  const textId = useId();
  return (
    <li className="console-follow-up" data-testid="follow-up-suggestion" data-asked={asked ? 'true' : 'false'}>
      <span id={textId} className="console-follow-up__text">
        {text}
      </span>
      {asked && <Chip tone="success">Asked</Chip>}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onAsk}
        disabled={disabled}
        aria-describedby={textId}
      >
        {busy && <Spinner size="small" />}
        Ask
      </button>
    </li>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : errorMessage(error);
}
