import { useDocumentTitle } from '../shared/ui/use-document-title';
import { TrackList } from './TrackList';

export function TracksPage() {
  useDocumentTitle('Tracks');
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Tracks</h1>
        <p className="page__lead">
          Each track is a complete mock interview: a set of questions in the order an interviewer would ask them, for
          one role and level.
        </p>
      </header>
      <TrackList />
    </div>
  );
}
