import type { QuestionSummary } from '@mockroom/contracts';
import { Link } from 'react-router';
import './QuestionCard.css';
import { Chip } from '../shared/ui/Chip';
import { categoryLabel, levelsLabel, plural, ROLE_LABELS } from '../shared/ui/labels';
import type { BackLinkState } from './back-link';
import { DerivedBadge } from './DerivedBadge';

/** A question in a list: its text, what it is about, and how much a strong answer covers. */
export function QuestionCard({ question, back }: { question: QuestionSummary; back: BackLinkState }) {
  return (
    <article className="card card--interactive question-card" data-testid="question-card">
      <div className="question-card__top">
        <Chip tone="accent">{categoryLabel(question.category)}</Chip>
        {question.difficulty && <Chip tone="warning">Difficulty: {question.difficulty}</Chip>}
        {question.textDerived && <DerivedBadge />}
      </div>
      <h2 className="question-card__title">
        <Link to={`/questions/${question.id}`} state={back} className="card__link">
          {question.text}
        </Link>
      </h2>
      <ul className="meta-list" aria-label="About this question">
        <li>{ROLE_LABELS[question.role] ?? question.role}</li>
        <li>{levelsLabel(question.levels)}</li>
        <li>{plural(question.rubricSize, 'rubric point')}</li>
      </ul>
    </article>
  );
}
