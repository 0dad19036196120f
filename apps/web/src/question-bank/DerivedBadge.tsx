import { Chip } from '../shared/ui/Chip';

export const DERIVED_EXPLANATION =
  'The source gives no question sentence here, so this wording was written from its answer framework and key points.';

/** Marks a question whose wording was written by Mockroom rather than taken from the source. */
export function DerivedBadge() {
  return (
    <Chip tone="info" title={DERIVED_EXPLANATION}>
      Derived wording
    </Chip>
  );
}
