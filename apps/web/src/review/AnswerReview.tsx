import { SCORE_DIMENSIONS, type ReviewAnswer, type ReviewRubricPoint } from '@mockroom/contracts';
import { useId } from 'react';
import './AnswerReview.css';
import { ScoreBars } from '../shared/ui/ScoreBars';
import { clock, elapsed } from '../shared/format';
import { plural } from '../shared/ui/labels';
import { SpeechStats } from './SpeechStats';

const DIMENSION_LABELS: Record<(typeof SCORE_DIMENSIONS)[number], string> = {
  relevance: 'Relevance',
  depth: 'Depth',
  clarity: 'Clarity',
  correctness: 'Correctness',
};

interface AnswerReviewProps {
  answer: ReviewAnswer;
  title: string;
  /** Seeks the recording (null without one). */
  onHear: ((ms: number) => void) | null;
  /** A rubric point hovered or focused (null when it is left): its words in the transcript stand out. */
  onEmphasis: (pointId: string | null) => void;
}

/** One answer: its scores and why, the rubric points covered and missed, mistakes, key terms, delivery and feedback. */
export function AnswerReview({ answer, title, onHear, onEmphasis }: AnswerReviewProps) {
  const covered = answer.rubric.filter((point) => point.covered);
  const missed = answer.rubric.filter((point) => !point.covered);
  return (
    <div className="answer-result review-answer" data-answer-id={answer.answerId}>
      <div className="answer-result__top">
        <h4 className="question-result__subtitle">{title}</h4>
        <ul className="meta-list">
          <li>at {clock(answer.startMs)}</li>
          <li>{elapsed(Math.max(0, answer.endMs - answer.startMs))}</li>
          <li>{plural(answer.wordCount, 'word')}</li>
          {answer.ending && <li data-testid="answer-ending">{answer.ending}</li>}
        </ul>
        {onHear && (
          <button
            type="button"
            className="button button--secondary button--small review-answer__play"
            onClick={() => onHear(answer.startMs)}
          >
            Play this answer
          </button>
        )}
      </div>

      {answer.transcript.trim() ? (
        <details className="review-details review-answer__words">
          <summary>Read the answer</summary>
          <blockquote className="answer-result__transcript">{answer.transcript}</blockquote>
        </details>
      ) : (
        <p className="question-result__none">Nothing was transcribed for this answer.</p>
      )}

      <div className="answer-result__grid">
        <div className="answer-result__scores">
          <h5 className="answer-result__label">Scores</h5>
          {answer.scores ? (
            <ScoreBars scores={answer.scores} label={`Scores for ${title.toLowerCase()}`} />
          ) : (
            <p className="answer-result__unscored">Not scored yet</p>
          )}
          {answer.reasons && (
            <dl className="review-reasons" aria-label="Why these scores">
              {SCORE_DIMENSIONS.map((dimension) =>
                answer.reasons?.[dimension] ? (
                  <div key={dimension}>
                    <dt>{DIMENSION_LABELS[dimension]}</dt>
                    <dd>{answer.reasons[dimension]}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          )}
        </div>

        {answer.rubric.length > 0 && (
          <div className="answer-result__rubric">
            <h5 className="answer-result__label">
              What a strong answer covers ({covered.length} of {answer.rubric.length})
            </h5>
            <ul className="rubric-results">
              {covered.map((point) => (
                <CoveredPoint key={point.pointId} point={point} onHear={onHear} onEmphasis={onEmphasis} />
              ))}
              {missed.map((point) => (
                <li
                  key={point.pointId}
                  className="rubric-result rubric-result--missed"
                  data-testid="rubric-missed"
                  data-point-id={point.pointId}
                >
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

      {answer.mistakes.length > 0 && (
        <div className="review-answer__section">
          <h5 className="answer-result__label">Mistakes</h5>
          <ul className="bullets bullets--warning review-mistakes">
            {answer.mistakes.map((mistake, i) => (
              <li key={i}>
                {mistake.text}
                {mistake.quote && <q className="rubric-result__evidence">{mistake.quote}</q>}
              </li>
            ))}
          </ul>
        </div>
      )}

      {answer.keyTermsUsed.length > 0 && (
        <div className="review-answer__section">
          <h5 className="answer-result__label">Key terms used</h5>
          <ul className="chip-list">
            {answer.keyTermsUsed.map((term) => (
              <li key={term} className="chip chip--accent">
                {term}
              </li>
            ))}
          </ul>
        </div>
      )}

      {answer.analytics && <SpeechStats analytics={answer.analytics} onHear={onHear} />}

      {answer.feedback && (
        <div className="answer-result__feedback">
          <h5 className="answer-result__label">Feedback</h5>
          <p className="prose">{answer.feedback}</p>
        </div>
      )}
    </div>
  );
}

function CoveredPoint({
  point,
  onHear,
  onEmphasis,
}: {
  point: ReviewRubricPoint;
  onHear: AnswerReviewProps['onHear'];
  onEmphasis: AnswerReviewProps['onEmphasis'];
}) {
  const textId = useId();
  const startMs = point.evidence?.startMs ?? null;
  const sure = Math.round(Math.min(1, Math.max(0, point.confidence)) * 100);
  const emphasise = () => onEmphasis(point.pointId);
  const release = () => onEmphasis(null);
  return (
    <li
      className="rubric-result rubric-result--covered review-point"
      data-testid="rubric-covered"
      data-point-id={point.pointId}
      onMouseEnter={emphasise}
      onMouseLeave={release}
      onFocus={emphasise}
      onBlur={release}
    >
      <span className="rubric-result__mark" aria-hidden="true">
        ✓
      </span>
      <span className="review-point__body">
        <span id={textId}>
          <span className="visually-hidden">Covered: </span>
          {point.text}
        </span>
        {Number.isFinite(point.confidence) && <span className="review-point__confidence"> · {sure}% sure</span>}
        {point.evidence?.quote && <q className="rubric-result__evidence">{point.evidence.quote}</q>}
        {onHear && startMs !== null && (
          <button
            type="button"
            className="button button--link review-point__hear"
            aria-describedby={textId}
            onClick={() => onHear(startMs)}
          >
            Hear it
          </button>
        )}
      </span>
    </li>
  );
}
