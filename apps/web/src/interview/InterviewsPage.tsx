import type { InterviewListQuery, InterviewSummary, Track } from '@mockroom/contracts';
import { useId, useMemo } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import './InterviewsPage.css';
import { interviewsApi, tracksApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { useAuth } from '../shared/auth/auth-context';
import { Chip } from '../shared/ui/Chip';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { SkeletonCards } from '../shared/ui/Skeleton';
import { Spinner } from '../shared/ui/Spinner';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { elapsed, formatDateTime, score, STATUS_LABELS, STATUS_TONES } from '../shared/format';

/** The history's filters as kept in the URL: `?track=backend-senior&from=2025-01-01&to=2025-03-31`. */
interface HistoryFilters {
  trackId: string | null;
  from: string | null;
  to: string | null;
}

const NO_FILTERS: HistoryFilters = { trackId: null, from: null, to: null };
const MAX_TRACK_ID_LENGTH = 200;

/** A real calendar date written `YYYY-MM-DD`, or null. */
function isoDate(value: string | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

function readFilters(params: URLSearchParams): HistoryFilters {
  const trackId = (params.get('track') ?? '').trim();
  return {
    trackId: trackId && trackId.length <= MAX_TRACK_ID_LENGTH ? trackId : null,
    from: isoDate(params.get('from')),
    to: isoDate(params.get('to')),
  };
}

/** The URL query for the filters, leaving out the empty ones. */
function writeFilters(filters: HistoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.trackId) params.set('track', filters.trackId);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return params;
}

function toListQuery(filters: HistoryFilters): InterviewListQuery {
  const query: InterviewListQuery = {};
  if (filters.trackId) query.trackId = filters.trackId;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** Someone else's interview that they shared with me (not one I took or ran as the interviewer). */
function sharedWithMe(interview: InterviewSummary, userId: string | null): boolean {
  return (
    userId !== null &&
    interview.candidate !== null &&
    interview.candidate.id !== userId &&
    interview.interviewer.id !== userId
  );
}

function hasFilters(filters: HistoryFilters): boolean {
  return Boolean(filters.trackId || filters.from || filters.to);
}

/** `/interviews`: the candidate's interviews (and any shared with them), newest first, filterable by track and date. */
export function InterviewsPage() {
  useDocumentTitle('Interviews');
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const query = useMemo(() => toListQuery(filters), [filters]);
  const interviews = useResource(`interviews:${JSON.stringify(query)}`, (signal) => interviewsApi.list(query, signal), {
    keepPrevious: true,
  });
  const tracks = useResource('tracks', (signal) => tracksApi.list(signal));
  const filtered = hasFilters(filters);
  // Set by the review page after it deleted an interview.
  const { deleted, removed } = (useLocation().state as { deleted?: string; removed?: boolean } | null) ?? {};

  /** Changes the filters in the URL, so a reload or the back button keeps them. */
  const update = (next: HistoryFilters, replace = false) => {
    void setParams(writeFilters(next), { replace, preventScrollReset: true });
  };
  const clearFilters = () => update(NO_FILTERS);
  const data = interviews.data;
  const refreshing = interviews.status === 'loading' && data !== undefined;

  return (
    <div className="page">
      <header className="page__header page__header--with-action">
        <div className="page__header-text">
          <h1 className="page__title">Interviews</h1>
          <p className="page__lead">
            Every mock interview you've taken, with its score. Open one to see the answers and feedback.
          </p>
        </div>
        <Link to="/interviews/new" className="button button--primary">
          Start an interview
        </Link>
      </header>

      {deleted && (
        <p className="notice" role="status">
          {removed
            ? `“${deleted}” was removed from your history, and your recording deleted.`
            : `“${deleted}” was deleted, with its recording, transcript and scores.`}
        </p>
      )}

      <HistoryFilterBar
        filters={filters}
        tracks={tracks.data ?? []}
        onChange={update}
        onClear={clearFilters}
        busy={refreshing}
      />

      {interviews.status === 'error' ? (
        <ErrorState
          title="Couldn't load your interviews"
          message={interviews.error.message}
          onRetry={interviews.reload}
        />
      ) : data === undefined ? (
        <SkeletonCards count={3} label="Loading your interviews…" />
      ) : data.length === 0 && filtered ? (
        <EmptyState
          title="No interviews match these filters"
          actions={
            <button type="button" className="button button--primary" onClick={clearFilters}>
              Show all interviews
            </button>
          }
        >
          <p>Try another track or a wider range of dates.</p>
        </EmptyState>
      ) : data.length === 0 ? (
        <EmptyState
          title="No interviews yet"
          actions={
            <Link to="/interviews/new" className="button button--primary">
              Start your first interview
            </Link>
          }
        >
          <p>Practise out loud with an AI interviewer. Your interviews and their scores will be listed here.</p>
        </EmptyState>
      ) : (
        <InterviewTable interviews={data} userId={user?.id ?? null} stale={refreshing} />
      )}
    </div>
  );
}

interface HistoryFilterBarProps {
  filters: HistoryFilters;
  tracks: Track[];
  busy: boolean;
  onChange: (filters: HistoryFilters, replace?: boolean) => void;
  onClear: () => void;
}

/** Track and date range, above the table. */
function HistoryFilterBar({ filters, tracks, busy, onChange, onClear }: HistoryFilterBarProps) {
  const id = useId();
  const known = filters.trackId === null || tracks.some((track) => track.id === filters.trackId);

  return (
    <div className="toolbar history-filters" role="group" aria-label="Filter interviews">
      <div className="history-filters__fields">
        <div className="filter">
          <label className="filter__label" htmlFor={`${id}-track`}>
            Track
          </label>
          <select
            id={`${id}-track`}
            className="select"
            value={filters.trackId ?? ''}
            onChange={(event) => onChange({ ...filters, trackId: event.target.value || null })}
          >
            <option value="">All tracks</option>
            {tracks.map((track) => (
              <option key={track.id} value={track.id}>
                {track.name}
              </option>
            ))}
            {!known && filters.trackId && <option value={filters.trackId}>{filters.trackId}</option>}
          </select>
        </div>
        <div className="filter">
          <label className="filter__label" htmlFor={`${id}-from`}>
            From
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className="input"
            value={filters.from ?? ''}
            max={filters.to ?? undefined}
            onChange={(event) => onChange({ ...filters, from: isoDate(event.target.value) }, true)}
          />
        </div>
        <div className="filter">
          <label className="filter__label" htmlFor={`${id}-to`}>
            To
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="input"
            value={filters.to ?? ''}
            min={filters.from ?? undefined}
            onChange={(event) => onChange({ ...filters, to: isoDate(event.target.value) }, true)}
          />
        </div>
      </div>
      <div className="history-filters__actions">
        {busy && <Spinner size="small" label="Updating interviews" />}
        <button type="button" className="button button--secondary" onClick={onClear} disabled={!hasFilters(filters)}>
          Clear filters
        </button>
      </div>
    </div>
  );
}

function InterviewTable({
  interviews,
  userId,
  stale,
}: {
  interviews: InterviewSummary[];
  userId: string | null;
  stale: boolean;
}) {
  const anyShared = interviews.some((interview) => sharedWithMe(interview, userId));
  return (
    <div className={`history card${stale ? ' history--stale' : ''}`}>
      <table className="history__table">
        <caption className="visually-hidden">
          {anyShared ? 'Your interviews and those shared with you, newest first' : 'Your interviews, newest first'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Interview</th>
            <th scope="col">Interviewer</th>
            <th scope="col">Status</th>
            <th scope="col" className="history__numeric">
              Duration
            </th>
            <th scope="col" className="history__numeric">
              Score
            </th>
          </tr>
        </thead>
        <tbody>
          {interviews.map((interview) => {
            const finished = interview.status === 'completed' || interview.status === 'abandoned';
            // Another candidate's interview, shared with this (interviewer) account: it is theirs to rejoin, not ours.
            const shared = sharedWithMe(interview, userId);
            return (
              <tr key={interview.id} className="history__row" data-testid="interview-row">
                <td className="history__date" data-label="Date">
                  <time dateTime={interview.startedAt ?? interview.createdAt}>
                    {formatDateTime(interview.startedAt ?? interview.createdAt)}
                  </time>
                </td>
                <th scope="row" className="history__title" data-label="Interview">
                  <Link to={`/interviews/${interview.id}`} className="history__link">
                    {interview.title}
                  </Link>
                  {shared && <span className="history__shared">Shared by {interview.candidate?.name}</span>}
                  {!finished && !shared && (
                    <span className="history__resume">
                      {interview.status === 'created' ? 'Ready to start' : 'Rejoin to continue'}
                    </span>
                  )}
                </th>
                <td data-label="Interviewer">
                  {interview.interviewer.name}
                  <span className="history__muted"> · {interview.interviewer.kind === 'ai' ? 'AI' : 'Human'}</span>
                </td>
                <td data-label="Status">
                  <Chip tone={STATUS_TONES[interview.status]}>{STATUS_LABELS[interview.status]}</Chip>
                </td>
                <td className="history__numeric" data-label="Duration">
                  {elapsed(interview.durationMs)}
                </td>
                <td className="history__numeric history__score" data-label="Score">
                  {interview.overallScore === null ? (
                    <span className="history__muted">—</span>
                  ) : (
                    <>
                      {score(interview.overallScore)}
                      <span className="history__muted"> / 10</span>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
