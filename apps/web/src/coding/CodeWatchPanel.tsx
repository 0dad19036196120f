import { CODE_LANGUAGE_LABELS, MAX_CODE_CHARS, type CodeRunKind, type CodingTaskView } from '@mockroom/contracts';
import { useEffect, useMemo, useState } from 'react';
import type { LiveSocket } from '../shared/live/live-connection';
import { Spinner } from '../shared/ui/Spinner';
import type { CodeDocWatch } from './code-doc-watch';
import { runsOf } from './code-runs';
import { CodeRuns } from './CodeRuns';
import type { CodingStore } from './coding-store';
import { DocEditor } from './DocEditor';
import { LinePointer } from './LinePointer';
import { ProblemStatement } from './ProblemStatement';
import { RunControls } from './RunControls';
import { useCodeDocState, useCodeDocWatch, useCodePointer, type CodePointer } from './use-code-doc';
import { useCodingState, useCodingStore } from './use-coding';
import './CodePanel.css';

export interface CodeWatchPanelProps {
  interviewId: string;
  task: CodingTaskView;
  /** Joined to the session: the candidate's code follows only then. */
  online: boolean;
  /** The session is running and joined: runs and pointing work only then. */
  live: boolean;
  socket: LiveSocket;
}

/** The interviewer's view of the candidate's code as it is written: read-only, with runs and pointing at a line. */
export function CodeWatchPanel({ interviewId, task, online, live, socket }: CodeWatchPanelProps) {
  const store = useCodingStore(interviewId, socket);
  return (
    <section className="code-panel code-watch card" aria-labelledby="code-watch-heading" data-testid="code-watch">
      {store ? (
        <WatchWorkspace key={task.questionId} store={store} task={task} online={online} live={live} socket={socket} />
      ) : (
        <Spinner label="Opening the candidate’s code…" />
      )}
    </section>
  );
}

interface WorkspaceProps {
  store: CodingStore;
  task: CodingTaskView;
  online: boolean;
  live: boolean;
  socket: LiveSocket;
}

function WatchWorkspace({ store, task, online, live, socket }: WorkspaceProps) {
  const watch = useCodeDocWatch(socket, task, online);
  const pointer = useCodePointer(socket, task.questionId);
  useEffect(() => store.setLive(online), [store, online]);
  if (!watch) return <Spinner label="Opening the candidate’s code…" />;
  return <WatchedCode store={store} watch={watch} task={task} live={live} pointer={pointer} />;
}

interface WatchedCodeProps {
  store: CodingStore;
  watch: CodeDocWatch;
  task: CodingTaskView;
  live: boolean;
  pointer: CodePointer;
}

function WatchedCode({ store, watch, task, live, pointer }: WatchedCodeProps) {
  const doc = useCodeDocState(watch);
  const state = useCodingState(store);
  const [pointError, setPointError] = useState<string | null>(null);
  const questionId = task.questionId;
  const language = doc.language ?? task.languages[0] ?? 'javascript';
  const runs = useMemo(() => runsOf(state.runs, questionId), [state.runs, questionId]);
  const busy = store.busy;
  const tooLong = doc.chars > MAX_CODE_CHARS;
  const canRun = live && doc.text !== null && !busy && !tooLong && !doc.blank;
  const run = (kind: CodeRunKind) => void store.run({ questionId, language, code: watch.code(), kind });

  const point = async (line: number | null): Promise<boolean> => {
    const refusal = await pointer.pointAt(line);
    setPointError(refusal);
    return refusal === null;
  };

  let status: string;
  if (busy) status = 'Running…';
  else if (!live) status = 'Runs work while the session is running and connected.';
  else if (doc.blank) status = 'Nothing to run yet.';
  else if (tooLong) status = `Code can be up to ${MAX_CODE_CHARS.toLocaleString('en')} characters.`;
  else status = 'Run tries the examples; Submit runs every test, hidden ones too.';

  return (
    <>
      <header className="code-panel__header">
        <h2 id="code-watch-heading" className="code-panel__title">
          Candidate’s code
        </h2>
        <span className="chip" data-testid="code-watch-language" data-language={language}>
          {CODE_LANGUAGE_LABELS[language]}
        </span>
      </header>

      <details className="code-watch__task" open>
        <summary>The task as the candidate reads it</summary>
        <ProblemStatement task={task} />
      </details>

      <DocEditor
        doc={doc}
        language={language}
        label="The candidate’s code (read-only)"
        readOnly
        markedLine={pointer.line}
        onLineNumberClick={live ? (line) => void point(line === pointer.line ? null : line) : undefined}
        onRetry={() => watch.retry()}
      />
      <LinePointer
        line={pointer.line}
        lines={doc.lines}
        disabled={!live || !doc.text}
        error={pointError}
        onPoint={point}
      />

      <RunControls canRun={canRun} busy={busy} status={status} onRun={run} />
      <CodeRuns runs={runs} runError={state.runError} />
    </>
  );
}
