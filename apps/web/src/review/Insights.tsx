import { SCORE_BANDS, scoreBand, type Review } from '@mockroom/contracts';
import { Link } from 'react-router';
import './Insights.css';
import { elapsed, score } from '../shared/format';
import { ScoreBars } from '../shared/ui/ScoreBars';
import { Spinner } from '../shared/ui/Spinner';
import { answeredCount, awaitingScores, headlineScore, practiseAgainHref } from './review-logic';
import { WeakClaims } from './WeakClaims';

/** The top of the review: the overall score, the mean per dimension, and what to keep, fix and practise next. */
export function Insights({ review, polling }: { review: Review; polling: boolean }) {
  const { interview, insights } = review;
  const overall = headlineScore(review);
  const answers = review.questions.flatMap((question) => question.answers);
  const words = answers.reduce((sum, answer) => sum + answer.wordCount, 0);
  const waiting = awaitingScores(review);
  const owner = review.access === 'owner';
  const empty = insights.strengths.length === 0 && insights.workOn.length === 0 && insights.practiseNext.length === 0;

  return (
    <section className="review-overview" aria-labelledby="review-overview-heading">
      <h2 id="review-overview-heading" className="visually-hidden">
        How it went
      </h2>
      <div className="card review-totals">
        <div className="review-totals__top">
          <div className="review-totals__overall">
            <p className="review-totals__label">Overall</p>
            {overall === null ? (
              <p className="review-totals__value review-totals__value--none">Not scored</p>
            ) : (
              <p className="review-totals__value" data-testid="overall-score">
                <span className="score__value">{score(overall)}</span>
                <span className="score__out-of">/ 10</span>
              </p>
            )}
            {overall !== null && <ScoreBandNote overall={overall} />}
            <p className="review-totals__polling" role="status">
              {polling ? (
                <>
                  <Spinner size="small" /> Checking for scores…
                </>
              ) : waiting ? (
                'Some answers are still being scored.'
              ) : null}
            </p>
          </div>
          <dl className="facts facts--large">
            <div>
              <dt>Questions answered</dt>
              <dd>
                {answeredCount(review.questions)} of {review.questions.length || interview.questionCount}
              </dd>
            </div>
            <div>
              <dt>Answers given</dt>
              <dd>{answers.length}</dd>
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
        </div>
        {review.scores && (
          <div className="review-totals__averages">
            <p className="review-totals__averages-title">Mean scores across the questions</p>
            <ScoreBars scores={review.scores} label="Mean scores across the questions" />
          </div>
        )}
        <div className="review-totals__actions">
          {owner && (
            <Link to={practiseAgainHref(review.plan)} className="button button--primary">
              Practise again
            </Link>
          )}
          <Link to="/interviews" className="button button--secondary">
            Back to history
          </Link>
        </div>
      </div>

      <div className="card review-insights" data-testid="insights">
        {empty ? (
          <p className="review-insights__empty">
            {waiting
              ? 'Strengths and things to work on appear once the answers are scored.'
              : 'No insights for this interview.'}
          </p>
        ) : (
          <>
            {insights.strengths.length > 0 && (
              <div className="review-insights__block">
                <h3 className="review-insights__title">Strengths</h3>
                <ul className="bullets review-insights__list review-insights__list--strengths">
                  {insights.strengths.map((text, i) => (
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              </div>
            )}
            {insights.workOn.length > 0 && (
              <div className="review-insights__block">
                <h3 className="review-insights__title">What to work on</h3>
                <ul className="bullets bullets--warning review-insights__list">
                  {insights.workOn.map((text, i) => (
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              </div>
            )}
            {insights.practiseNext.length > 0 && (
              <div className="review-insights__block">
                <h3 className="review-insights__title">Practise next</h3>
                <ul className="review-practise">
                  {insights.practiseNext.map((suggestion) => (
                    <li key={suggestion.questionId} className="review-practise__item">
                      <Link
                        to={`/questions/${encodeURIComponent(suggestion.questionId)}`}
                        className="review-practise__link"
                      >
                        {suggestion.text}
                      </Link>
                      <p className="review-practise__reason">{suggestion.reason}</p>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
      </div>

      {review.weakClaims && review.weakClaims.length > 0 && <WeakClaims claims={review.weakClaims} />}
    </section>
  );
}

const BAND_TEXT: Record<ReturnType<typeof scoreBand>, string> = {
  strong: 'A strong answer',
  good: 'Good, not yet strong',
  partial: 'A partial answer',
  weak: 'Vague or off the point',
};

/** What the number means: the bands the scores are held to. */
export function ScoreBandNote({ overall }: { overall: number }) {
  return (
    <p className="score-band" data-testid="score-band" data-band={scoreBand(overall)}>
      <strong>{BAND_TEXT[scoreBand(overall)]}</strong>
      <span className="score-band__legend">
        {SCORE_BANDS.strong.min}–10 strong · {SCORE_BANDS.partial.min}–{SCORE_BANDS.partial.max} partial · under{' '}
        {SCORE_BANDS.weak.max} vague or off-topic
      </span>
    </p>
  );
}
