import type { CodePoint, CodingTaskView } from '@mockroom/contracts';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { isErrorReply, type LiveSocket } from '../shared/live/live-connection';
import { codeDocChannel, type CodeDocHolder, type CodeDocState } from './code-doc';
import { CodeDocSync, type DraftBook } from './code-doc-sync';
import { CodeDocWatch } from './code-doc-watch';

/** Makes a holder while mounted (closed on unmount) and tells it whether the page is live. */
function useHolder<T extends CodeDocHolder>(create: () => T, deps: readonly unknown[], live: boolean): T | null {
  const [holder, setHolder] = useState<T | null>(null);
  useEffect(() => {
    const made = create();
    setHolder(made);
    return () => {
      made.close();
      setHolder((current) => (current === made ? null : current));
    };
    // `create` is remade each render; `deps` say when a new holder is due.
  }, deps);
  useEffect(() => holder?.setLive(live), [holder, live]);
  return holder;
}

/** The candidate's document of `task`, kept in step with the server while `live`. */
export function useCodeDocSync(
  socket: LiveSocket,
  task: CodingTaskView,
  drafts: DraftBook,
  live: boolean,
): CodeDocSync | null {
  return useHolder(() => new CodeDocSync(codeDocChannel(socket), task, drafts), [socket, task, drafts], live);
}

/** The interviewer's view of the candidate's document of `task`. */
export function useCodeDocWatch(socket: LiveSocket, task: CodingTaskView, live: boolean): CodeDocWatch | null {
  return useHolder(
    () => {
      const watch = new CodeDocWatch(codeDocChannel(socket), task.questionId, task.languages);
      watch.open();
      return watch;
    },
    [socket, task],
    live,
  );
}

export function useCodeDocState(holder: CodeDocHolder): CodeDocState {
  return useSyncExternalStore(holder.subscribe, holder.getState);
}

export interface CodePointer {
  /** The line the interviewer points at in this question's code, or null. */
  line: number | null;
  /** Points at `line` (null stops); resolves with why it was refused, or null. Interviewer only. */
  pointAt(line: number | null): Promise<string | null>;
}

const POINT_TIMEOUT_MS = 10_000;

/** Human sessions: the line the interviewer points at, as the server says (both sides hear it). */
export function useCodePointer(socket: LiveSocket, questionId: string): CodePointer {
  const [point, setPoint] = useState<CodePoint | null>(null);
  useEffect(() => {
    const onPoint = (next: CodePoint) => setPoint(next);
    socket.on('code:point', onPoint);
    return () => void socket.off('code:point', onPoint);
  }, [socket]);

  const pointAt = useCallback(
    async (line: number | null): Promise<string | null> => {
      try {
        const reply = await socket.timeout(POINT_TIMEOUT_MS).emitWithAck('code:point', { questionId, line });
        if (isErrorReply(reply)) return reply.error.message || 'The server refused that.';
        setPoint(reply);
        return null;
      } catch {
        return "The server didn't answer in time. Please try again.";
      }
    },
    [socket, questionId],
  );

  return { line: point?.questionId === questionId ? point.line : null, pointAt };
}
