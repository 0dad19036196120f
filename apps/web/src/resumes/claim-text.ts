/** A claim's text cut around its metric, so the metric can stand out ("cut p95 latency by [40%]"). */
export interface ClaimParts {
  before: string;
  metric: string | null;
  after: string;
}

/** The first place the metric appears in the text (any case); the whole text when it does not appear. */
export function splitAtMetric(text: string, metric: string | null): ClaimParts {
  const wanted = metric?.trim();
  const at = wanted ? text.toLowerCase().indexOf(wanted.toLowerCase()) : -1;
  if (!wanted || at < 0) return { before: text, metric: null, after: '' };
  return {
    before: text.slice(0, at),
    metric: text.slice(at, at + wanted.length),
    after: text.slice(at + wanted.length),
  };
}
