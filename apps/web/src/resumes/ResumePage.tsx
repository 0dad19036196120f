import type { ResumeDetail } from '@mockroom/contracts';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import './DetailPage.css';
import './ResumePage.css';
import { resumesApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { formatDate } from '../shared/format';
import { Breadcrumb } from '../shared/ui/Breadcrumb';
import { Chip } from '../shared/ui/Chip';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { plural } from '../shared/ui/labels';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { DeleteControl } from './DeleteControl';
import { deletedNotice, type LibraryState } from './library-notice';
import { ProfileEditor } from './ProfileEditor';
import { formatBytes, RESUME_KIND_LABELS } from './resume-file';
import { TailoredStart } from './TailoredStart';

/** `/resumes/:id`: what was understood of a résumé, corrected by hand, and a tailored interview started from it. */
export function ResumePage() {
  const { id = '' } = useParams();
  return <ResumeView key={id} id={id} />;
}

function ResumeView({ id }: { id: string }) {
  const loaded = useResource(`resume:${id}`, (signal) => resumesApi.get(id, signal));
  const [saved, setSaved] = useState<ResumeDetail | null>(null);
  const resume = saved ?? loaded.data;
  useDocumentTitle(resume ? `Résumé: ${resume.fileName}` : loaded.status === 'error' ? 'Résumé' : 'Loading résumé');

  return (
    <div className="page page--narrow resume-page">
      <Breadcrumb to="/resumes" label="Résumé & job" className="detail-page__breadcrumb" />
      {resume ? (
        <ResumeOverview resume={resume} onSaved={setSaved} />
      ) : loaded.status === 'error' ? (
        loaded.error.status === 404 ? (
          <>
            <h1 className="page__title">Résumé not found</h1>
            <EmptyState
              title="There's no résumé at this address"
              actions={
                <Link to="/resumes" className="button button--primary">
                  See your résumés
                </Link>
              }
            >
              <p>{loaded.error.message}</p>
            </EmptyState>
          </>
        ) : (
          <ErrorState title="Couldn't load this résumé" message={loaded.error.message} onRetry={loaded.reload} />
        )
      ) : (
        <SkeletonArticle label="Loading the résumé…" />
      )}
    </div>
  );
}

function ResumeOverview({ resume, onSaved }: { resume: ResumeDetail; onSaved: (resume: ResumeDetail) => void }) {
  const navigate = useNavigate();
  const { profile } = resume;
  return (
    <>
      <header className="page__header">
        <p className="eyebrow">Résumé</p>
        <h1 className="page__title">{profile.name || resume.fileName}</h1>
        {profile.headline && <p className="page__lead">{profile.headline}</p>}
        <ul className="meta-list">
          <li>{resume.fileName}</li>
          <li>
            {RESUME_KIND_LABELS[resume.kind] ?? resume.kind}, {formatBytes(resume.byteSize)}
          </li>
          <li>Uploaded {formatDate(resume.createdAt)}</li>
          <li>{plural(resume.interviewCount, 'interview')} tailored to it</li>
        </ul>
        <div className="detail-page__actions">
          {resume.edited && <Chip tone="info">edited</Chip>}
          <Chip>{resume.llmConsent ? 'The language model may read it' : 'Questions phrased offline'}</Chip>
          <a className="button button--secondary button--small" href={resumesApi.fileUrl(resume.id)} download>
            Download the original
          </a>
          <DeleteControl
            small
            target={{ kind: 'resume', id: resume.id, name: resume.fileName }}
            interviewCount={resume.interviewCount}
            onDeleted={(interviews) => {
              const state: LibraryState = { notice: deletedNotice('resume', resume.fileName, interviews) };
              void navigate('/resumes', { replace: true, state });
            }}
          />
        </div>
      </header>

      <ProfileEditor resume={resume} onSaved={onSaved} />
      <TailoredStart from={{ kind: 'resume', resume }} />
    </>
  );
}
