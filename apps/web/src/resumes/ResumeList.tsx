import type { ResumeSummary } from '@mockroom/contracts';
import { Link } from 'react-router';
import type { TailoredInterviews } from '../shared/api/endpoints';
import { formatDate } from '../shared/format';
import { Chip } from '../shared/ui/Chip';
import { plural } from '../shared/ui/labels';
import { DeleteControl } from './DeleteControl';
import { RESUME_KIND_LABELS } from './resume-file';

/** The résumés uploaded, newest first: each links to what was understood of it. */
export function ResumeList({
  resumes,
  onDeleted,
}: {
  resumes: ResumeSummary[];
  onDeleted: (resume: ResumeSummary, interviews: TailoredInterviews) => void;
}) {
  if (resumes.length === 0)
    return <p className="library__empty">No résumés yet. Upload one to tailor interviews to it.</p>;
  return (
    <ul className="library-list" aria-label="Your résumés">
      {resumes.map((resume) => (
        <li key={resume.id} className="card library-item" data-testid="resume-item" data-resume-id={resume.id}>
          <div className="library-item__main">
            <Link to={`/resumes/${encodeURIComponent(resume.id)}`} className="library-item__title">
              {resume.fileName}
            </Link>
            {(resume.name || resume.headline) && (
              <p className="library-item__who">{[resume.name, resume.headline].filter(Boolean).join(' · ')}</p>
            )}
            <ul className="meta-list">
              <li>{plural(resume.skillCount, 'skill')}</li>
              <li>{plural(resume.claimCount, 'claim')}</li>
              <li>
                {RESUME_KIND_LABELS[resume.kind] ?? resume.kind}, uploaded {formatDate(resume.createdAt)}
              </li>
            </ul>
            {(resume.edited || resume.llmConsent) && (
              <ul className="chip-list" aria-label="About this résumé">
                {resume.edited && (
                  <li>
                    <Chip tone="info" title="You corrected what was understood">
                      edited
                    </Chip>
                  </li>
                )}
                {resume.llmConsent && (
                  <li>
                    <Chip title="The language model may read it to phrase questions">model may read it</Chip>
                  </li>
                )}
              </ul>
            )}
          </div>
          <DeleteControl
            small
            target={{ kind: 'resume', id: resume.id, name: resume.fileName }}
            onDeleted={(interviews) => onDeleted(resume, interviews)}
          />
        </li>
      ))}
    </ul>
  );
}
