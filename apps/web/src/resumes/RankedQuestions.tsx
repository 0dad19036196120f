import type { Category, JobDescriptionDetail } from '@mockroom/contracts';
import { Link } from 'react-router';
import type { BackLinkState } from '../question-bank';
import { Chip } from '../shared/ui/Chip';
import { categoryLabel } from '../shared/ui/labels';
import { reasonSentence } from './job-view';

/** The bank questions a posting calls for, best first, each with why. */
export function RankedQuestions({ job }: { job: JobDescriptionDetail }) {
  if (job.ranked.length === 0)
    return (
      <p className="muted-text">
        No bank questions match this posting closely. A tailored interview still picks some for its role and level.
      </p>
    );
  const back: BackLinkState = { backTo: `/job-descriptions/${job.id}`, backLabel: 'Job description' };
  return (
    <ol className="ranked-questions">
      {job.ranked.map((question, index) => {
        const reason = reasonSentence(question.reasons);
        return (
          <li
            key={question.questionId}
            className="card card--interactive ranked-question"
            data-testid="ranked-question"
          >
            <span className="ranked-question__number" aria-hidden="true">
              {index + 1}
            </span>
            <div className="ranked-question__body">
              <Link
                to={`/questions/${encodeURIComponent(question.questionId)}`}
                state={back}
                className="card__link ranked-question__text"
              >
                {question.text}
              </Link>
              <Chip>{categoryLabel(question.category as Category)}</Chip>
              {reason && <p className="ranked-question__reason">{reason}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
