import type { JobDescriptionSummary, ResumeSummary } from '@mockroom/contracts';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import './ResumesPage.css';
import { jobDescriptionsApi, resumesApi } from '../shared/api/endpoints';
import { ErrorState } from '../shared/ui/ErrorState';
import { plural } from '../shared/ui/labels';
import { SkeletonCards } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { JobDescriptionForm } from './JobDescriptionForm';
import { JobDescriptionList } from './JobDescriptionList';
import { jobTitle } from './job-view';
import { deletedNotice, type LibraryState } from './library-notice';
import { ResumeList } from './ResumeList';
import { ResumeUpload } from './ResumeUpload';
import { useLibrary } from './use-library';

type Notice = { text: string; link?: { to: string; label: string } };

/** `/resumes`: the résumés and the job descriptions interviews can be tailored to, side by side. */
export function ResumesPage() {
  useDocumentTitle('Résumé & job');
  const resumes = useLibrary('resumes', (signal) => resumesApi.list(signal));
  const jobs = useLibrary('job-descriptions', (signal) => jobDescriptionsApi.list(signal));
  // Set by a résumé's or job description's page after it was deleted there.
  const { notice } = (useLocation().state as LibraryState | null) ?? {};
  const [resumeNotice, setResumeNotice] = useState<Notice | null>(notice?.kind === 'resume' ? notice : null);
  const [jobNotice, setJobNotice] = useState<Notice | null>(notice?.kind === 'job' ? notice : null);

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Résumé &amp; job</h1>
        <p className="page__lead">
          Upload your résumé and paste the job you want. Interviews tailored to them ask you to back up the claims on
          your résumé, and ask the questions the posting calls for.
        </p>
      </header>

      <div className="library">
        <section className="library__column" aria-labelledby="resumes-heading">
          <h2 id="resumes-heading" className="section-title">
            Résumés
          </h2>
          <ResumeUpload
            onUploaded={(resume) => {
              resumes.add(resume);
              setResumeNotice({
                text: `Read “${resume.fileName}”: ${plural(resume.skillCount, 'skill')}, ${plural(resume.claimCount, 'claim')}.`,
                link: { to: `/resumes/${encodeURIComponent(resume.id)}`, label: 'Check what we understood' },
              });
            }}
          />
          <LibraryNotice notice={resumeNotice} />
          <LibraryItems
            what="résumés"
            status={resumes.resource.status}
            error={resumes.resource.error?.message ?? null}
            onRetry={resumes.resource.reload}
            items={resumes.items}
          >
            {(items: ResumeSummary[]) => (
              <ResumeList
                resumes={items}
                onDeleted={(resume, interviews) => {
                  resumes.remove(resume.id);
                  setResumeNotice(deletedNotice('resume', resume.fileName, interviews));
                }}
              />
            )}
          </LibraryItems>
        </section>

        <section className="library__column" aria-labelledby="jobs-heading">
          <h2 id="jobs-heading" className="section-title">
            Job descriptions
          </h2>
          <JobDescriptionForm
            onCreated={(job) => {
              jobs.add(job);
              setJobNotice({
                text: `Added “${jobTitle(job)}”.`,
                link: { to: `/job-descriptions/${encodeURIComponent(job.id)}`, label: 'See what it calls for' },
              });
            }}
          />
          <LibraryNotice notice={jobNotice} />
          <LibraryItems
            what="job descriptions"
            status={jobs.resource.status}
            error={jobs.resource.error?.message ?? null}
            onRetry={jobs.resource.reload}
            items={jobs.items}
          >
            {(items: JobDescriptionSummary[]) => (
              <JobDescriptionList
                jobs={items}
                onDeleted={(job, interviews) => {
                  jobs.remove(job.id);
                  setJobNotice(deletedNotice('job', jobTitle(job), interviews));
                }}
              />
            )}
          </LibraryItems>
        </section>
      </div>
    </div>
  );
}

/** What was just done to the list; the live region stays in place so each new notice is read out. */
function LibraryNotice({ notice }: { notice: Notice | null }) {
  return (
    <div role="status">
      {notice && (
        <p className="notice library__notice">
          {notice.text} {notice.link && <Link to={notice.link.to}>{notice.link.label}</Link>}
        </p>
      )}
    </div>
  );
}

/** A list as it loads: placeholders, the error with a retry, then the items. */
function LibraryItems<T>({
  what,
  status,
  error,
  onRetry,
  items,
  children,
}: {
  what: string;
  status: 'loading' | 'success' | 'error';
  error: string | null;
  onRetry: () => void;
  items: T[] | undefined;
  children: (items: T[]) => ReactNode;
}) {
  if (status === 'error' && !items)
    return <ErrorState title={`Couldn't load your ${what}`} message={error ?? ''} onRetry={onRetry} />;
  if (!items) return <SkeletonCards count={2} label={`Loading your ${what}…`} />;
  return <>{children(items)}</>;
}
