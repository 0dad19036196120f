import type { Review } from '@mockroom/contracts';
import { useEffect, useRef } from 'react';
import './ReviewHeader.css';
import { reviewsApi } from '../shared/api/endpoints';
import { elapsed, formatDateTime, score, STATUS_LABELS, STATUS_TONES } from '../shared/format';
import { Chip } from '../shared/ui/Chip';
import { LEVEL_LABELS, ROLE_LABELS } from '../shared/ui/labels';
import { headlineScore } from './review-logic';

/** Title and facts of the interview, with its downloads; the heading takes the focus right after the interview ends. */
export function ReviewHeader({
  review,
  justFinished,
  onShare,
}: {
  review: Review;
  justFinished: boolean;
  onShare: (() => void) | null;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { interview, plan } = review;
  const overall = headlineScore(review);

  useEffect(() => {
    if (justFinished) heading.current?.focus();
  }, [justFinished]);

  return (
    <header className="page__header review-header">
      <div className="review-header__text">
        <p className="eyebrow">Interview review</p>
        <h1 className="page__title review-header__title" ref={heading} tabIndex={-1}>
          {interview.title}
        </h1>
        <ul className="meta-list review-header__meta" aria-label="About this interview">
          <li>{formatDateTime(interview.startedAt ?? interview.createdAt)}</li>
          <li>
            {ROLE_LABELS[plan.role] ?? plan.role} · {LEVEL_LABELS[plan.level] ?? plan.level}
          </li>
          <li>with {interview.interviewer.name}</li>
          <li>{elapsed(interview.durationMs)}</li>
          <li>
            <Chip tone={STATUS_TONES[interview.status]}>{STATUS_LABELS[interview.status]}</Chip>
          </li>
          <li>{overall === null ? 'Not scored yet' : `Overall ${score(overall)} / 10`}</li>
        </ul>
      </div>
      <div className="review-header__actions">
        <a className="button button--secondary button--small" href={reviewsApi.exportUrl(interview.id, 'md')} download>
          <DownloadIcon />
          Export Markdown
        </a>
        <a className="button button--secondary button--small" href={reviewsApi.exportUrl(interview.id, 'pdf')} download>
          <DownloadIcon />
          Export PDF
        </a>
        {onShare && (
          <button type="button" className="button button--ghost button--small" onClick={onShare}>
            Sharing
          </button>
        )}
      </div>
    </header>
  );
}

function DownloadIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
