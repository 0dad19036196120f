// Tracks: prepared sequences of questions.
export { TrackList } from './TrackList';
export { TrackPage } from './TrackPage';
export { TracksPage } from './TracksPage';
