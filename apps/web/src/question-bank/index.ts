// The question bank: search, one question, and what other pages show of a bank question.
export { type BackLinkState } from './back-link';
export { DerivedBadge } from './DerivedBadge';
export { QuestionBankPage } from './QuestionBankPage';
export { QuestionPage } from './QuestionPage';
