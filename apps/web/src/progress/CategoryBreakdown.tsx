import { SCORE_DIMENSIONS, type CategoryProgress } from '@mockroom/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import './CategoryBreakdown.css';
import { plural } from '../shared/ui/labels';
import { ScoreMeter } from '../shared/ui/ScoreBars';
import { score } from '../shared/format';
import { ChangeBadge } from './ChangeBadge';
import { practiseLink, rankCategories, SERIES_LABELS } from './progress-stats';

/**
 * The question categories weakest first: mean overall as a bar, the four dimensions as small bars,
 * how many answers it rests on, and the change from the first session to the last.
 */
export function CategoryBreakdown({ categories }: { categories: CategoryProgress[] }) {
  const rows = useMemo(() => rankCategories(categories), [categories]);
  const weakest = rows[0];
  const answerCount = rows.reduce((sum, row) => sum + row.answers, 0);

  if (!weakest) {
    return <p className="muted-text">No answers have been scored by category yet.</p>;
  }

  return (
    <div className="category-breakdown">
      <p className="category-breakdown__hint">
        {rows.length > 1 ? 'Your weakest category is ' : 'So far you have answered questions in '}
        <strong>{weakest.label}</strong> ({score(weakest.scores.overall)} overall).{' '}
        <Link to={practiseLink(weakest.category)} className="category-breakdown__practise">
          Practise {weakest.label} questions
        </Link>
      </p>
      <div className="progress-table__scroll">
        <table className="category-table">
          <caption className="visually-hidden">Mean scores out of 10 by question category, weakest first</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Overall</th>
              {SCORE_DIMENSIONS.map((dimension) => (
                <th key={dimension} scope="col" className="category-table__dimension">
                  {SERIES_LABELS[dimension]}
                </th>
              ))}
              <th scope="col" className="category-table__numeric">
                Answers
              </th>
              <th scope="col" className="category-table__numeric">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category} className="category-table__row" data-testid="category-row">
                <th scope="row" className="category-table__name" data-label="Category">
                  {row.label}
                </th>
                <td className="category-table__overall" data-label="Overall">
                  <ScoreMeter value={row.scores.overall} size="large" />
                </td>
                {SCORE_DIMENSIONS.map((dimension) => (
                  <td key={dimension} className="category-table__dimension" data-label={SERIES_LABELS[dimension]}>
                    <ScoreMeter value={row.scores[dimension]} size="small" />
                  </td>
                ))}
                <td className="category-table__numeric" data-label="Answers">
                  {row.answers}
                </td>
                <td className="category-table__numeric" data-label="Change">
                  <ChangeBadge
                    change={row.change}
                    title={`First session ${score(row.first)}, latest ${score(row.last)}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted-text category-breakdown__note">
        Scores are means over {plural(answerCount, 'scored answer')}. Change compares the first and the latest session
        with answers in each category.
      </p>
    </div>
  );
}
