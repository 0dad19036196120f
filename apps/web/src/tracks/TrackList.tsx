import { tracksApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { EmptyState } from '../shared/ui/EmptyState';
import { ErrorState } from '../shared/ui/ErrorState';
import { SkeletonCards } from '../shared/ui/Skeleton';
import { TrackCard } from './TrackCard';

/** All tracks as a grid of cards, with loading, error and empty states. */
export function TrackList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const tracks = useResource('tracks', (signal) => tracksApi.list(signal));
  if (tracks.status === 'error') {
    return <ErrorState title="Couldn't load the tracks" message={tracks.error.message} onRetry={tracks.reload} />;
  }
  if (tracks.status === 'loading') {
    return <SkeletonCards count={3} label="Loading tracks…" className="card-grid" />;
  }
  if (tracks.data.length === 0) {
    return (
      <EmptyState title="No tracks yet">
        <p>Tracks group questions into a full interview. None have been set up in this installation.</p>
      </EmptyState>
    );
  }
  return (
    <div className="card-grid">
      {tracks.data.map((track) => (
        <TrackCard key={track.id} track={track} headingLevel={headingLevel} />
      ))}
    </div>
  );
}
