import type { JobDescriptionSummary } from '@mockroom/contracts';
import { Link } from 'react-router';
import type { TailoredInterviews } from '../shared/api/endpoints';
import { formatDate } from '../shared/format';
import { LEVEL_LABELS, ROLE_LABELS } from '../shared/ui/labels';
import { DeleteControl } from './DeleteControl';
import { jobTitle, roleLevelLabel } from './job-view';

/** How many of a posting's strongest skills its list item names. */
const TOP_SKILLS = 5;

/** The job descriptions added, newest first: each links to what it stresses and the questions it calls for. */
export function JobDescriptionList({
  jobs,
  onDeleted,
}: {
  jobs: JobDescriptionSummary[];
  onDeleted: (job: JobDescriptionSummary, interviews: TailoredInterviews) => void;
}) {
  if (jobs.length === 0)
    return <p className="library__empty">No job descriptions yet. Paste a posting to practise for that job.</p>;
  return (
    <ul className="library-list" aria-label="Your job descriptions">
      {jobs.map((job) => (
        <li key={job.id} className="card library-item" data-testid="job-item" data-job-id={job.id}>
          <div className="library-item__main">
            <Link to={`/job-descriptions/${encodeURIComponent(job.id)}`} className="library-item__title">
              {jobTitle(job)}
            </Link>
            <ul className="meta-list">
              {roleLevelLabel(job, ROLE_LABELS, LEVEL_LABELS) && (
                <li>{roleLevelLabel(job, ROLE_LABELS, LEVEL_LABELS)}</li>
              )}
              <li>Added {formatDate(job.createdAt)}</li>
            </ul>
            {job.topSkills.length > 0 && (
              <ul className="chip-list" aria-label="Skills it stresses most">
                {job.topSkills.slice(0, TOP_SKILLS).map((skill) => (
                  <li key={skill} className="chip chip--accent">
                    {skill}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <DeleteControl
            small
            target={{ kind: 'job', id: job.id, name: jobTitle(job) }}
            onDeleted={(interviews) => onDeleted(job, interviews)}
          />
        </li>
      ))}
    </ul>
  );
}
