import { scoreBand, type ReviewInterviewerView, type ReviewQuestion } from '@mockroom/contracts';
import { memo, type ReactNode } from 'react';
import { Link } from 'react-router';
import './QuestionReview.css';
import { score } from '../shared/format';
import { Chip } from '../shared/ui/Chip';
import { categoryLabel } from '../shared/ui/labels';
import { AnswerReview } from './AnswerReview';
import { ClaimCheck } from './ClaimCheck';
import { InterviewerVerdict } from './InterviewerVerdict';
import { answerTitle } from './review-logic';

const BAND_LABEL: Record<ReturnType<typeof scoreBand>, string> = {
  strong: 'strong',
  good: 'good',
  partial: 'partial',
  weak: 'weak',
};

interface QuestionReviewProps {
  question: ReviewQuestion;
  questionCount: number;
  /** The viewer is the candidate ("Your answer"). */
  owner: boolean;
  /** Seeks the recording and plays from there (null without a recording). */
  onHear: ((ms: number) => void) | null;
  onEmphasis: (pointId: string | null) => void;
  /** A human interviewer's scores and notes (human sessions). */
  interviewer?: ReviewInterviewerView | null;
  /** The question's code replayed on the timeline (coding questions). */
  codeReplay?: ReactNode;
}

/** Everything about one question: the follow-ups asked, each answer assessed, and the bank's sample answer and pitfalls. */
export const QuestionReview = memo(function QuestionReview({
  question,
  questionCount,
  owner,
  onHear,
  onEmphasis,
  interviewer = null,
  codeReplay = null,
}: QuestionReviewProps) {
  const headingId = `review-question-${question.index}`;
  const followUps = question.prompts.filter((prompt) => prompt.kind === 'follow-up');
  const followUpNumber = new Map(followUps.map((prompt, i) => [prompt.seq, i + 1]));
  const answers = [...question.answers].sort((a, b) => a.startMs - b.startMs);

  return (
    <article
      className={`card question-result review-question${question.asked ? '' : ' review-question--not-reached'}`}
      data-testid="question-result"
      data-question-index={question.index}
      data-question-id={question.questionId}
      aria-labelledby={headingId}
    >
      <header className="question-result__header">
        <div className="review-question__top">
          <p className="question-result__number">
            Question {question.index + 1}
            {questionCount > 0 && <span className="review-question__of"> of {questionCount}</span>}
          </p>
          {question.category && <Chip>{categoryLabel(question.category)}</Chip>}
          {!question.asked ? (
            <Chip tone="warning">Not reached</Chip>
          ) : question.scores ? (
            <span
              className="review-question__score"
              title={`${BAND_LABEL[scoreBand(question.scores.overall)]} (7.5–10 strong, 3.5–6.5 partial, under 3.5 vague)`}
            >
              <span className="score__value">{score(question.scores.overall)}</span>
              <span className="score__out-of"> / 10</span>
              <span className="review-question__band" data-testid="question-band">
                {BAND_LABEL[scoreBand(question.scores.overall)]}
              </span>
            </span>
          ) : null}
        </div>
        {/* Focusable, so "Be ready to back these up" can move the reader here. */}
        <h3 id={headingId} className="question-result__text" tabIndex={-1}>
          {question.text}
        </h3>
      </header>

      {question.claim && <ClaimCheck claim={question.claim} />}

      {!question.asked ? (
        <p className="question-result__none">The interview ended before this question was asked.</p>
      ) : (
        <>
          {followUps.length > 0 && (
            <div className="question-result__follow-ups">
              <h4 className="question-result__subtitle">Follow-ups asked</h4>
              <ol className="bullets">
                {followUps.map((prompt) => (
                  <li key={prompt.seq}>{prompt.text}</li>
                ))}
              </ol>
            </div>
          )}
          {interviewer && <InterviewerVerdict view={interviewer} questionIndex={question.index} />}
          {answers.length === 0 ? (
            <p className="question-result__none">No answer was recorded for this question.</p>
          ) : (
            answers.map((answer) => (
              <AnswerReview
                key={answer.answerId}
                answer={answer}
                title={answerTitle(
                  answer.kind,
                  answer.kind === 'follow-up' ? (followUpNumber.get(answer.promptSeq) ?? null) : null,
                  owner,
                )}
                onHear={onHear}
                onEmphasis={onEmphasis}
              />
            ))
          )}
        </>
      )}

      {codeReplay}

      {(question.sampleAnswer || question.commonMistakes.length > 0) && (
        <div className="review-question__bank">
          {question.sampleAnswer && (
            <details className="review-details">
              <summary>Compare with a sample answer</summary>
              <p className="prose review-details__body">{question.sampleAnswer}</p>
            </details>
          )}
          {question.commonMistakes.length > 0 && (
            <details className="review-details">
              <summary>Common mistakes with this question</summary>
              <ul className="bullets bullets--warning review-details__body">
                {question.commonMistakes.map((mistake, i) => (
                  <li key={i}>{mistake}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}

      {/* A question made from a résumé claim is not in the bank. */}
      {!question.claim && !question.questionId.startsWith('claim-') && (
        <p className="review-question__bank-link">
          <Link to={`/questions/${encodeURIComponent(question.questionId)}`}>
            Open this question in the bank<span className="visually-hidden">: {question.text}</span>
          </Link>
        </p>
      )}
    </article>
  );
});
