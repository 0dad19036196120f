// Sessions: interviews run by a person. Setting one up, the invitation, the interviewer's console, the candidate's room.
export { CandidateSessionRoom } from './CandidateSessionRoom';
export { InterviewerConsole } from './console/InterviewerConsole';
export { JoinPage } from './JoinPage';
export { NewSessionPage } from './NewSessionPage';
