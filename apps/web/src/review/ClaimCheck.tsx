import type { ClaimVerdict } from '@mockroom/contracts';
import './ClaimCheck.css';

/** Each verdict with a glyph and words, so it never rests on colour alone. */
export const VERDICTS: Record<ClaimVerdict['verdict'], { glyph: string; label: string }> = {
  backed: { glyph: '✓', label: 'Backed' },
  partly: { glyph: '~', label: 'Partly backed' },
  weak: { glyph: '✗', label: 'Weak' },
};

/** `marked`: the question card's badge, the one the browser tests find (the summary repeats it without). */
export function VerdictBadge({ verdict, marked = false }: { verdict: ClaimVerdict['verdict']; marked?: boolean }) {
  const { glyph, label } = VERDICTS[verdict] ?? VERDICTS.weak;
  return (
    <span
      className={`claim-badge claim-badge--${verdict}`}
      data-testid={marked ? 'claim-verdict' : undefined}
      data-verdict={verdict}
    >
      <span aria-hidden="true">{glyph}</span>
      {label}
    </span>
  );
}

/** In a question review: the résumé's claim the question probed, how well the answer backed it, and what it left out. */
export function ClaimCheck({ claim }: { claim: ClaimVerdict }) {
  return (
    <section className="claim-check" aria-label="Claim on your résumé">
      <div className="claim-check__top">
        <p className="claim-check__claim">
          Claim on your résumé: <q>{claim.claim}</q>
        </p>
        <VerdictBadge verdict={claim.verdict} marked />
      </div>
      {(claim.covered.length > 0 || claim.missing.length > 0) && (
        <ul className="rubric-results claim-check__points">
          {claim.covered.map((point, i) => (
            <li key={`covered-${i}`} className="rubric-result rubric-result--covered">
              <span className="rubric-result__mark" aria-hidden="true">
                ✓
              </span>
              <span>
                <span className="visually-hidden">Backed up: </span>
                {point.text}
                {point.quote && <q className="rubric-result__evidence">{point.quote}</q>}
              </span>
            </li>
          ))}
          {claim.missing.map((text, i) => (
            <li key={`missing-${i}`} className="rubric-result rubric-result--missed" data-testid="claim-missing">
              <span className="rubric-result__mark" aria-hidden="true">
                –
              </span>
              <span>
                <span className="visually-hidden">Missing: </span>
                {text}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
