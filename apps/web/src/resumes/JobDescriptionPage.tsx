import type { JobDescriptionDetail } from '@mockroom/contracts';
import { Link, useNavigate, useParams } from 'react-router';
import './DetailPage.css';
import './JobDescriptionPage.css';
import { jobDescriptionsApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { formatDate } from '../shared/format';
import { Breadcrumb } from '../shared/ui/Breadcrumb';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { LEVEL_LABELS, plural, ROLE_LABELS } from '../shared/ui/labels';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { DeleteControl } from './DeleteControl';
import { jobTitle, roleLevelLabel } from './job-view';
import { deletedNotice, type LibraryState } from './library-notice';
import { RankedQuestions } from './RankedQuestions';
import { SkillWeights } from './SkillWeights';
import { TailoredStart } from './TailoredStart';

/** `/job-descriptions/:id`: what a posting stresses, the bank questions it calls for, and a tailored interview. */
export function JobDescriptionPage() {
  const { id = '' } = useParams();
  const job = useResource(`job-description:${id}`, (signal) => jobDescriptionsApi.get(id, signal));
  useDocumentTitle(
    job.data ? jobTitle(job.data) : job.status === 'error' ? 'Job description' : 'Loading job description',
  );

  return (
    <div className="page page--narrow job-page">
      <Breadcrumb to="/resumes" label="Résumé & job" className="detail-page__breadcrumb" />
      {job.status === 'error' ? (
        job.error.status === 404 ? (
          <>
            <h1 className="page__title">Job description not found</h1>
            <EmptyState
              title="There's no job description at this address"
              actions={
                <Link to="/resumes" className="button button--primary">
                  See your job descriptions
                </Link>
              }
            >
              <p>{job.error.message}</p>
            </EmptyState>
          </>
        ) : (
          <ErrorState title="Couldn't load this job description" message={job.error.message} onRetry={job.reload} />
        )
      ) : job.status === 'loading' ? (
        <SkeletonArticle label="Loading the job description…" />
      ) : (
        <JobOverview key={job.data.id} job={job.data} />
      )}
    </div>
  );
}

function JobOverview({ job }: { job: JobDescriptionDetail }) {
  const navigate = useNavigate();
  const title = jobTitle(job);
  const roleLevel = roleLevelLabel(job.profile, ROLE_LABELS, LEVEL_LABELS);
  return (
    <>
      <header className="page__header">
        <p className="eyebrow">Job description</p>
        <h1 className="page__title">{title}</h1>
        <ul className="meta-list">
          {roleLevel && <li>{roleLevel}</li>}
          <li>Added {formatDate(job.createdAt)}</li>
          <li>{plural(job.interviewCount, 'interview')} tailored to it</li>
        </ul>
        <div className="detail-page__actions">
          <DeleteControl
            small
            target={{ kind: 'job', id: job.id, name: title }}
            interviewCount={job.interviewCount}
            onDeleted={(interviews) => {
              const state: LibraryState = { notice: deletedNotice('job', title, interviews) };
              void navigate('/resumes', { replace: true, state });
            }}
          />
        </div>
      </header>

      <section className="card job-stresses" aria-labelledby="job-stresses-heading">
        <h2 id="job-stresses-heading" className="section-title">
          What it stresses
        </h2>
        <SkillWeights skills={job.profile.skills} />
        {job.profile.themes.length > 0 && (
          <div className="job-themes">
            <h3 className="job-themes__title">Themes</h3>
            <ul className="chip-list" aria-label="Themes">
              {job.profile.themes.map((theme) => (
                <li key={theme} className="chip chip--info">
                  {theme}
                </li>
              ))}
            </ul>
          </div>
        )}
        <details className="job-posting">
          <summary>The posting as pasted</summary>
          <p className="prose job-posting__text">{job.text}</p>
        </details>
      </section>

      <section className="job-questions" aria-labelledby="job-questions-heading">
        <h2 id="job-questions-heading" className="section-title">
          Questions it calls for
        </h2>
        <RankedQuestions job={job} />
      </section>

      <TailoredStart from={{ kind: 'job', job }} />
    </>
  );
}
