import type { Question } from '@mockroom/contracts';
import { Link, useLocation, useParams } from 'react-router';
import { questionBankApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { Chip } from '../shared/ui/Chip';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { categoryLabel, levelsLabel, ROLE_LABELS } from '../shared/ui/labels';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { readBackLink, type BackLinkState } from './back-link';
import { DERIVED_EXPLANATION } from './DerivedBadge';
import { QuestionDetails } from './QuestionDetails';
import { Breadcrumb } from '../shared/ui/Breadcrumb';

const BANK: BackLinkState = { backTo: '/questions', backLabel: 'Question bank' };

export function QuestionPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const back = readBackLink(location.state) ?? BANK;
  const question = useResource(`question:${id}`, (signal) => questionBankApi.get(id, signal));
  useDocumentTitle(
    question.data ? shorten(question.data.text) : question.status === 'error' ? 'Question' : 'Loading question',
  );

  return (
    <div className="page page--reading">
      <Breadcrumb to={back.backTo} label={back.backLabel} />
      {question.status === 'error' ? (
        question.error.status === 404 ? (
          <>
            <h1 className="page__title">Question not found</h1>
            <EmptyState
              title="There's no question at this address"
              actions={
                <Link to="/questions" className="button button--primary">
                  Browse the question bank
                </Link>
              }
            >
              <p>{question.error.message}</p>
            </EmptyState>
          </>
        ) : (
          <ErrorState title="Couldn't load this question" message={question.error.message} onRetry={question.reload}>
            <Link to="/questions" className="button button--ghost">
              Back to the question bank
            </Link>
          </ErrorState>
        )
      ) : question.status === 'loading' ? (
        <SkeletonArticle label="Loading question…" />
      ) : (
        <QuestionArticle question={question.data} />
      )}
    </div>
  );
}

function QuestionArticle({ question }: { question: Question }) {
  return (
    <article className="question">
      <header className="question__header">
        <p className="eyebrow">{categoryLabel(question.category)}</p>
        <h1 className="question__text">{question.text}</h1>
        {question.textDerived && (
          <p className="question__derived">
            <Chip tone="info">Derived wording</Chip> {DERIVED_EXPLANATION}
          </p>
        )}
        <ul className="chip-list" aria-label="About this question">
          <li>
            <Chip>{ROLE_LABELS[question.role] ?? question.role}</Chip>
          </li>
          <li>
            <Chip title={question.levelLabel ? `The source says: ${question.levelLabel}` : undefined}>
              {levelsLabel(question.levels)}
            </Chip>
          </li>
          <li>
            <Chip tone="accent">{categoryLabel(question.category)}</Chip>
          </li>
          {question.difficulty && (
            <li>
              <Chip tone="warning">Difficulty: {question.difficulty}</Chip>
            </li>
          )}
          <li>
            <Chip title={`${question.source.document}, question ${question.source.position}`}>
              Source: {question.source.title}
            </Chip>
          </li>
        </ul>
        <div className="question__practise">
          <Link to={`/interviews/new?question=${encodeURIComponent(question.id)}`} className="button button--primary">
            Practise this question
          </Link>
          <span className="question__practise-note">
            Answer it out loud to the AI interviewer, alone or with more questions.
          </span>
        </div>
      </header>
      <QuestionDetails question={question} />
    </article>
  );
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text;
}
