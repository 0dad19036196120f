import type { AnswerResult, InterviewSnapshot, Prompt } from '@mockroom/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isAbortError } from '../../api/client';
import { interviewsApi } from '../../api/endpoints';
import { Chip } from '../../ui/Chip';
import { LEVEL_LABELS, plural, ROLE_LABELS } from '../../ui/labels';
import { Spinner } from '../../ui/Spinner';
import { useDocumentTitle } from '../../ui/use-document-title';
import { clock, elapsed, formatDateTime, score, STATUS_LABELS, STATUS_TONES } from '../format';
import { averageScores, ScoreBars } from './ScoreBars';

interface QuestionGroup {
  index: number;
  question: Prompt | null;
  followUps: Prompt[];
  answers: AnswerResult[];
}

/** Groups prompts and answers by the plan's question they belong to, in order. */
function groupByQuestion(snapshot: InterviewSnapshot): QuestionGroup[] {
  const groups = new Map<number, QuestionGroup>();
  const group = (index: number) => {
    let found = groups.get(index);
    if (!found) {
      found = { index, question: null, followUps: [], answers: [] };
      groups.set(index, found);
    }
    return found;
  };
  for (const prompt of [...snapshot.prompts].sort((a, b) => a.seq - b.seq)) {
    if (prompt.kind === 'question' && !group(prompt.questionIndex).question) group(prompt.questionIndex).question = prompt;
    else if (prompt.kind === 'follow-up') group(prompt.questionIndex).followUps.push(prompt);
  }
  for (const answer of [...snapshot.answers].sort((a, b) => a.startMs - b.startMs)) group(answer.questionIndex).answers.push(answer);
  return [...groups.values()].filter((g) => g.question || g.answers.length > 0).sort((a, b) => a.index - b.index);
}

const POLL_MS = 3_000;
const POLL_TIMES = 10;

/** The end of an interview: totals, then every question with the answers given, their scores and rubric. */
export function InterviewSummaryView({ snapshot: initial, justFinished = false }: { snapshot: InterviewSnapshot; justFinished?: boolean }) {
  const [snapshot, setSnapshot] = useState(initial);
  const [polling, setPolling] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { interview, plan } = snapshot;
  useDocumentTitle(`Summary: ${interview.title}`);

  useEffect(() => setSnapshot(initial), [initial]);

  useEffect(() => {
    if (justFinished) heading.current?.focus();
  }, [justFinished]);

  // Scores can land a little after the interview ends: look again for a short while.
  const unscored = snapshot.answers.some((answer) => answer.scores === null);
  const endedAt = interview.endedAt ? Date.parse(interview.endedAt) : NaN;
  const recent = justFinished || (!Number.isNaN(endedAt) && Date.now() - endedAt < 2 * 60_000);
  const shouldPoll = unscored && recent;
  useEffect(() => {
    if (!shouldPoll) return;
    const controller = new AbortController();
    let times = 0;
    let timer: ReturnType<typeof setTimeout>;
    setPolling(true);
    const poll = () => {
      times++;
      interviewsApi.get(interview.id, controller.signal).then(
        (next) => {
          setSnapshot(next);
          if (next.answers.some((answer) => answer.scores === null) && times < POLL_TIMES) timer = setTimeout(poll, POLL_MS);
          else setPolling(false);
        },
        (error: unknown) => {
          if (isAbortError(error)) return;
          if (times < POLL_TIMES) timer = setTimeout(poll, POLL_MS);
          else setPolling(false);
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
      setPolling(false);
    };
  }, [shouldPoll, interview.id]);

  const groups = useMemo(() => groupByQuestion(snapshot), [snapshot]);
  const averages = useMemo(() => averageScores(snapshot.answers.map((answer) => answer.scores)), [snapshot.answers]);
  const overall = interview.overallScore ?? averages?.overall ?? null;
  const words = snapshot.answers.reduce((sum, answer) => sum + answer.wordCount, 0);
  const answeredCount = groups.filter((g) => g.answers.length > 0).length;
  const notReached = Math.max(0, interview.questionCount - groups.length);
  const practiseAgain = plan.trackId
    ? `/interviews/new?track=${encodeURIComponent(plan.trackId)}`
    : `/interviews/new?role=${encodeURIComponent(plan.role)}&level=${encodeURIComponent(plan.level)}`;

  return (
    <div className="page summary" data-testid="interview-summary">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/interviews">
          <span aria-hidden="true">← </span>
          Interviews
        </Link>
      </nav>

      <header className="page__header summary__header">
        {justFinished && (
          <p className="notice summary__done" role="status">
            {interview.status === 'abandoned' ? 'The interview ended early.' : 'Interview complete. Here is how it went.'}
          </p>
        )}
        <p className="eyebrow">Interview summary</p>
        <h1 className="page__title" ref={heading} tabIndex={-1}>
          {interview.title}
        </h1>
        <ul className="meta-list" aria-label="About this interview">
          <li>{formatDateTime(interview.startedAt ?? interview.createdAt)}</li>
          <li>
            {ROLE_LABELS[plan.role] ?? plan.role} · {LEVEL_LABELS[plan.level] ?? plan.level}
          </li>
          <li>with {interview.interviewer.name}</li>
          <li>{elapsed(interview.durationMs)}</li>
          <li>
            <Chip tone={STATUS_TONES[interview.status]}>{STATUS_LABELS[interview.status]}</Chip>
          </li>
        </ul>
      </header>

      <section className="summary__totals card" aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="visually-hidden">
          Totals
        </h2>
        <div className="summary__overall">
          <p className="summary__overall-label">Overall</p>
          {overall === null ? (
            <p className="summary__overall-value summary__overall-value--none">Not scored</p>
          ) : (
            <p className="summary__overall-value">
              <span className="score__value">{score(overall)}</span>
              <span className="score__out-of">/ 10</span>
            </p>
          )}
          {polling && (
            <p className="summary__polling">
              <Spinner size="small" /> Checking for scores…
            </p>
          )}
        </div>
        <dl className="summary__facts">
          <div>
            <dt>Questions answered</dt>
            <dd>
              {answeredCount} of {interview.questionCount}
            </dd>
          </div>
          <div>
            <dt>Answers given</dt>
            <dd>{snapshot.answers.length}</dd>
          </div>
          <div>
            <dt>Words spoken</dt>
            <dd>{words.toLocaleString('en')}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{elapsed(interview.durationMs)}</dd>
          </div>
        </dl>
        {averages && (
          <div className="summary__averages">
            <p className="summary__averages-title">Average per answer</p>
            <ScoreBars scores={averages} label="Average scores" />
          </div>
        )}
        <div className="summary__actions">
          <Link to={practiseAgain} className="button button--primary">
            Practise again
          </Link>
          <Link to="/interviews" className="button button--secondary">
            Back to history
          </Link>
        </div>
      </section>

      <section className="summary__questions" aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="section-title">
          Question by question
        </h2>
        {groups.length === 0 ? (
          <p className="summary__empty">No questions were asked before the interview ended.</p>
        ) : (
          <ol className="summary__list">
            {groups.map((group) => (
              <li key={group.index}>
                <QuestionResult group={group} />
              </li>
            ))}
          </ol>
        )}
        {notReached > 0 && groups.length > 0 && (
          <p className="summary__not-reached">
            {notReached === 1 ? 'One more question was' : `${plural(notReached, 'more question')} were`} planned but not reached.
          </p>
        )}
      </section>
    </div>
  );
}

function QuestionResult({ group }: { group: QuestionGroup }) {
  const followUpBySeq = new Map(group.followUps.map((prompt, i) => [prompt.seq, i + 1]));
  return (
    <article className="question-result card" data-testid="question-result" aria-labelledby={`question-${group.index}`}>
      <header className="question-result__header">
        <p className="question-result__number">Question {group.index + 1}</p>
        <h3 id={`question-${group.index}`} className="question-result__text">
          {group.question?.text ?? 'Question'}
        </h3>
      </header>

      {group.followUps.length > 0 && (
        <div className="question-result__follow-ups">
          <h4 className="question-result__subtitle">Follow-ups asked</h4>
          <ol className="bullets">
            {group.followUps.map((prompt) => (
              <li key={prompt.seq}>{prompt.text}</li>
            ))}
          </ol>
        </div>
      )}

      {group.answers.length === 0 ? (
        <p className="question-result__none">No answer was recorded for this question.</p>
      ) : (
        group.answers.map((answer) => (
          <AnswerBlock
            key={answer.answerId}
            answer={answer}
            title={answer.kind === 'follow-up' ? `Your answer to follow-up ${followUpBySeq.get(answer.promptSeq) ?? ''}`.trim() : 'Your answer'}
          />
        ))
      )}
    </article>
  );
}

function AnswerBlock({ answer, title }: { answer: AnswerResult; title: string }) {
  const covered = answer.rubric.filter((point) => point.covered);
  const missed = answer.rubric.filter((point) => !point.covered);
  return (
    <div className="answer-result">
      <div className="answer-result__top">
        <h4 className="question-result__subtitle">{title}</h4>
        <ul className="meta-list">
          <li>at {clock(answer.startMs)}</li>
          <li>{elapsed(Math.max(0, answer.endMs - answer.startMs))}</li>
          <li>{plural(answer.wordCount, 'word')}</li>
        </ul>
      </div>
      {answer.transcript.trim() ? (
        <blockquote className="answer-result__transcript">{answer.transcript}</blockquote>
      ) : (
        <p className="question-result__none">Nothing was transcribed for this answer.</p>
      )}

      <div className="answer-result__grid">
        <div className="answer-result__scores">
          <h5 className="answer-result__label">Scores</h5>
          {answer.scores ? <ScoreBars scores={answer.scores} label={`Scores for ${title.toLowerCase()}`} /> : <p className="answer-result__unscored">Not scored</p>}
        </div>
        {answer.rubric.length > 0 && (
          <div className="answer-result__rubric">
            <h5 className="answer-result__label">
              What a strong answer covers ({covered.length} of {answer.rubric.length})
            </h5>
            <ul className="rubric-results">
              {covered.map((point) => (
                <li key={point.pointId} className="rubric-result rubric-result--covered">
                  <span className="rubric-result__mark" aria-hidden="true">
                    ✓
                  </span>
                  <span>
                    <span className="visually-hidden">Covered: </span>
                    {point.text}
                    {point.evidence && <q className="rubric-result__evidence">{point.evidence}</q>}
                  </span>
                </li>
              ))}
              {missed.map((point) => (
                <li key={point.pointId} className="rubric-result rubric-result--missed">
                  <span className="rubric-result__mark" aria-hidden="true">
                    –
                  </span>
                  <span>
                    <span className="visually-hidden">Missed: </span>
                    {point.text}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {answer.feedback && (
        <div className="answer-result__feedback">
          <h5 className="answer-result__label">Feedback</h5>
          <p className="prose">{answer.feedback}</p>
        </div>
      )}
    </div>
  );
}
