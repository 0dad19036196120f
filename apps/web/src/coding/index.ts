// Coding questions: the editor beside the conversation (a document shared with the server as it is typed), its runs,
// and the interviewer's view of it in a session. The panels (with CodeMirror and Yjs) load only when a question has an
// editor.
import { lazy } from 'react';

export const CodePanel = lazy(() => import('./CodePanel').then((module) => ({ default: module.CodePanel })));
export type { CodePanelProps } from './CodePanel';
export const CodeWatchPanel = lazy(() =>
  import('./CodeWatchPanel').then((module) => ({ default: module.CodeWatchPanel })),
);
export type { CodeWatchPanelProps } from './CodeWatchPanel';
export const CodeEditor = lazy(() => import('./CodeEditor').then((module) => ({ default: module.CodeEditor })));
export { useCodingTask } from './use-coding';
