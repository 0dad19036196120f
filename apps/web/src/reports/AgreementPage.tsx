import { Link } from 'react-router';
import './AgreementPage.css';
import { useAuth } from '../shared/auth/auth-context';
import { reportsApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { SkeletonCards } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { agreementTone, basisText, biasText, DIMENSION_NAMES } from './agreement-view';

/**
 * `/reports/agreement` (admins): how far the engine's scores are from the human interviewers' in finished sessions,
 * per dimension (a bar on the 0–10 scale), and the questions where they disagree most.
 */
export function AgreementPage() {
  useDocumentTitle('Score agreement');
  const { user } = useAuth();
  const admin = user?.role === 'admin';
  const report = useResource(admin ? 'reports:agreement' : null, (signal) => reportsApi.agreement(signal));

  return (
    <div className="page agreement">
      <header className="page__header">
        <h1 className="page__title">Score agreement</h1>
        <p className="page__lead">How far the engine's scores are from your interviewers' on the questions both scored, and where they disagree most.</p>
      </header>
      {!admin ? (
        <ErrorState title="Admins only" message="This report is for admin accounts." />
      ) : report.status === 'error' ? (
        <ErrorState title="Couldn't load the report" message={report.error.message} onRetry={report.reload} />
      ) : report.status === 'loading' ? (
        <SkeletonCards count={2} label="Loading the report…" />
      ) : report.data.pairs === 0 ? (
        <EmptyState title="Nothing to compare yet">
          <p>Once interviewers score answers in their sessions, and the sessions end, this shows how the engine's scores compare with theirs.</p>
        </EmptyState>
      ) : (
        <>
          <section className="card progress__section" aria-labelledby="agreement-dimensions-heading" data-testid="agreement-dimensions">
            <div className="progress__section-header">
              <h2 id="agreement-dimensions-heading" className="section-title">
                Mean difference per score
              </h2>
              <p className="muted-text">{basisText(report.data)}. Shorter bars agree better; within 1 point is close.</p>
              <p className="muted-text">
                <a className="button button--secondary button--small" href={reportsApi.agreementAnswersUrl} download>
                  Download the answers (JSON)
                </a>{' '}
                to score them again with another version of the engine: <code>npm run eval:scoring -- --agreement agreement-answers.json</code>
              </p>
            </div>
            <ul className="agreement__bars">
              {report.data.dimensions.map((d) => (
                <li key={d.dimension} className="agreement__bar-row" data-dimension={d.dimension}>
                  <span className="agreement__bar-label">{DIMENSION_NAMES[d.dimension]}</span>
                  <span className="agreement__bar-track" aria-hidden="true">
                    <span className={`agreement__bar agreement__bar--${agreementTone(d.meanAbsoluteDifference)}`} style={{ width: `${Math.min(100, d.meanAbsoluteDifference * 10)}%` }} />
                  </span>
                  <span className="agreement__bar-value">
                    {d.meanAbsoluteDifference.toFixed(1)} <span className="muted-text">· engine {biasText(d.meanDifference)}</span>
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card progress__section" aria-labelledby="agreement-disagreements-heading">
            <div className="progress__section-header">
              <h2 id="agreement-disagreements-heading" className="section-title">
                Where they disagree most
              </h2>
            </div>
            <table className="agreement__table" data-testid="agreement-disagreements">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Interviewer</th>
                  <th scope="col">Engine</th>
                  <th scope="col">Difference</th>
                </tr>
              </thead>
              <tbody>
                {report.data.disagreements.map((d) => (
                  <tr key={`${d.interviewId}:${d.questionIndex}`}>
                    <td>
                      <Link to={`/interviews/${d.interviewId}`}>{d.questionText}</Link>
                      <div className="muted-text">
                        {d.title} · {d.interviewer}
                      </div>
                    </td>
                    <td>{d.human.overall.toFixed(1)}</td>
                    <td>{d.engine.overall.toFixed(1)}</td>
                    <td className={`agreement__difference agreement__difference--${agreementTone(d.difference)}`}>{d.difference.toFixed(1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </div>
  );
}
