// The review of a finished interview (AI or session), shown by the interview page and the live pages once over.
export { ReviewPage } from './ReviewPage';
