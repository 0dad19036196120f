import {
  CODE_LANGUAGE_LABELS,
  MAX_CODE_CHARS,
  type CodeLanguage,
  type CodeRunKind,
  type CodingTaskView,
} from '@mockroom/contracts';
import { useEffect, useMemo } from 'react';
import type { LiveSocket } from '../shared/live/live-connection';
import { Spinner } from '../shared/ui/Spinner';
import type { CodeDocSync } from './code-doc-sync';
import { CodeDrafts, sessionDrafts } from './code-drafts';
import { runsOf } from './code-runs';
import { CodeRuns } from './CodeRuns';
import type { CodingStore } from './coding-store';
import { DocEditor } from './DocEditor';
import { ProblemStatement } from './ProblemStatement';
import { RunControls } from './RunControls';
import { useCodeDocState, useCodeDocSync, useCodePointer, type CodePointer } from './use-code-doc';
import { useCodingState, useCodingStore } from './use-coding';
import './CodePanel.css';

export interface CodePanelProps {
  interviewId: string;
  task: CodingTaskView;
  /** The interview is running and the socket joined: edits and runs go only then. */
  live: boolean;
  /** The room's live socket (the shared document, `code:run` and `code:point` events). */
  socket: LiveSocket;
}

/** The candidate's editor of a coding question: the task, the code (shared with the server as it is typed), its runs. */
export function CodePanel({ interviewId, task, live, socket }: CodePanelProps) {
  const store = useCodingStore(interviewId, socket);
  return (
    <section className="code-panel card" aria-labelledby="code-panel-heading" data-testid="code-panel">
      {store ? (
        <CodeWorkspace
          key={task.questionId}
          store={store}
          interviewId={interviewId}
          task={task}
          live={live}
          socket={socket}
        />
      ) : (
        <Spinner label="Opening the editor…" />
      )}
    </section>
  );
}

interface WorkspaceProps {
  store: CodingStore;
  interviewId: string;
  task: CodingTaskView;
  live: boolean;
  socket: LiveSocket;
}

function CodeWorkspace({ store, interviewId, task, live, socket }: WorkspaceProps) {
  const drafts = useMemo(() => new CodeDrafts(sessionDrafts(), interviewId, task), [interviewId, task]);
  const sync = useCodeDocSync(socket, task, drafts, live);
  const pointer = useCodePointer(socket, task.questionId);
  const fallbackLanguage = useMemo(() => drafts.language(), [drafts]);
  useEffect(() => store.setLive(live), [store, live]);
  if (!sync) return <Spinner label="Opening the editor…" />;
  return (
    <CandidateEditor
      store={store}
      sync={sync}
      task={task}
      live={live}
      pointer={pointer}
      fallbackLanguage={fallbackLanguage}
    />
  );
}

interface CandidateEditorProps {
  store: CodingStore;
  sync: CodeDocSync;
  task: CodingTaskView;
  live: boolean;
  pointer: CodePointer;
  /** The language shown until the document says which. */
  fallbackLanguage: CodeLanguage;
}

function CandidateEditor({ store, sync, task, live, pointer, fallbackLanguage }: CandidateEditorProps) {
  const doc = useCodeDocState(sync);
  const state = useCodingState(store);
  const questionId = task.questionId;
  const language = doc.language ?? fallbackLanguage;
  const runs = useMemo(() => runsOf(state.runs, questionId), [state.runs, questionId]);
  const busy = store.busy;
  const ready = doc.text !== null;
  const tooLong = doc.chars > MAX_CODE_CHARS;
  const canRun = live && ready && !busy && !tooLong && !doc.blank;
  const run = (kind: CodeRunKind) => void store.run({ questionId, language, code: sync.code(), kind });

  let status: string;
  if (busy) status = 'Running…';
  else if (!live) status = 'Runs work while the interview is running and connected.';
  else if (doc.paused) status = 'The interview isn’t running: your code stays in this browser for now.';
  else if (tooLong) status = `Code can be up to ${MAX_CODE_CHARS.toLocaleString('en')} characters.`;
  else status = 'Run tries the examples; Submit runs every test, hidden ones too.';

  return (
    <>
      <header className="code-panel__header">
        <h2 id="code-panel-heading" className="code-panel__title">
          Coding task
        </h2>
        <label className="code-panel__language">
          <span>Language</span>
          <select
            className="select select--small"
            data-testid="code-language"
            value={language}
            disabled={!ready}
            onChange={(event) => sync.switchLanguage(event.target.value as CodeLanguage)}
          >
            {task.languages.map((l) => (
              <option key={l} value={l}>
                {CODE_LANGUAGE_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
      </header>

      <ProblemStatement task={task} />

      {pointer.line !== null && (
        <p className="code-panel__pointer" data-testid="code-pointer" role="status">
          Your interviewer is pointing at line {pointer.line}.
        </p>
      )}
      <DocEditor
        doc={doc}
        language={language}
        label="Code editor"
        markedLine={pointer.line}
        onRetry={() => sync.retry()}
      />
      {doc.notice && (
        <p className="code-panel__notice" role="status">
          {doc.notice}
        </p>
      )}

      <RunControls canRun={canRun} busy={busy} status={status} onRun={run} />
      <CodeRuns runs={runs} runError={state.runError} />
    </>
  );
}
