// Interviews: the history, starting an AI interview, and the page of one interview (its room, console or review).
export { InterviewPage, InterviewReviewPage } from './InterviewPage';
export { InterviewsPage } from './InterviewsPage';
export { NewInterviewPage } from './new/NewInterviewPage';
