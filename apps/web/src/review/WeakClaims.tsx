import type { Review } from '@mockroom/contracts';
import './ClaimCheck.css';
import { VerdictBadge } from './ClaimCheck';

type WeakClaim = NonNullable<Review['weakClaims']>[number];

/** Moves to a question's review: it scrolls into view and its heading takes the focus. */
function goToQuestion(index: number) {
  const heading = document.getElementById(`review-question-${index}`);
  if (!heading) return;
  heading.scrollIntoView({ behavior: 'smooth', block: 'start' });
  heading.focus({ preventScroll: true });
}

/** In the review's summary: the résumé's claims the answers did not fully back, with what to be ready to say. */
export function WeakClaims({ claims }: { claims: WeakClaim[] }) {
  return (
    <section className="card weak-claims" data-testid="weak-claims" aria-labelledby="weak-claims-heading">
      <h3 id="weak-claims-heading" className="review-insights__title">
        Be ready to back these up
      </h3>
      <ul className="weak-claims__list">
        {claims.map((claim) => (
          <li key={claim.questionIndex} className="weak-claims__item">
            <div className="weak-claims__top">
              <a
                href={`#review-question-${claim.questionIndex}`}
                className="weak-claims__claim"
                onClick={(event) => {
                  event.preventDefault();
                  goToQuestion(claim.questionIndex);
                }}
              >
                “{claim.claim}”<span className="visually-hidden"> (question {claim.questionIndex + 1})</span>
              </a>
              <VerdictBadge verdict={claim.verdict} />
            </div>
            {claim.missing.length > 0 && (
              <p className="weak-claims__missing">
                <span className="weak-claims__label">Missing: </span>
                {claim.missing.join('; ')}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
