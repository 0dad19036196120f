import type { CandidateListening, InterviewSnapshot } from '@mockroom/contracts';
import { Suspense, useMemo, useState } from 'react';
import '../../shared/live/room.css';
import '../session-pages.css';
import './InterviewerConsole.css';
import { sessionsApi } from '../../shared/api/endpoints';
import { useResource } from '../../shared/api/use-resource';
import { ConnectionBanner, ConnectionPill } from '../../shared/live/ConnectionBanner';
import { Toasts } from '../../shared/live/Toasts';
import { ReviewPage } from '../../review';
import { CodeWatchPanel, useCodingTask } from '../../coding';
import { InvitationLink } from '../InvitationLink';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { LEVEL_LABELS, ROLE_LABELS } from '../../shared/ui/labels';
import { Spinner } from '../../shared/ui/Spinner';
import { useDocumentTitle } from '../../shared/ui/use-document-title';
import { SessionAudioControls } from '../AudioControls';
import type { SessionStore } from '../live/session-store';
import { NotesPanel } from './NotesPanel';
import { PresenceChips } from '../PresenceChips';
import { QuestionPanel } from './QuestionPanel';
import { ScoresPanel } from './ScoresPanel';
import { SessionBlocked } from '../SessionBlocked';
import { SessionTimer } from '../SessionTimer';
import { ConsoleTranscript } from '../SessionTranscript';
import {
  consoleLines,
  currentQuestionIndex,
  hasCandidate,
  latestPrompt,
  otherConnected,
  sessionNames,
} from '../session-logic';
import { withPartials } from '../../shared/live/transcript';
import { useSessionStore, useSessionState } from '../live/use-session-store';
import { usePlanQuestions } from './use-questions';

/** The interviewer's console for a session they run: transcript, question and rubric, scores and notes. */
export function InterviewerConsole({ initial }: { initial: InterviewSnapshot }) {
  const session = useSessionStore(initial, 'interviewer');
  if (!session) {
    return (
      <div className="room room--loading">
        <Spinner label="Opening the console…" />
      </div>
    );
  }
  return <Console session={session} />;
}

function Console({ session }: { session: SessionStore }) {
  const state = useSessionState(session, (s) => s);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const { snapshot, participants } = state;
  const { interview, plan, prompts } = snapshot;
  useDocumentTitle(state.completed ? `Review: ${interview.title}` : `Console: ${interview.title}`);

  const questions = usePlanQuestions(plan.questionIds);
  const names = useMemo(() => sessionNames(participants, interview), [participants, interview]);
  const lines = useMemo(
    () => consoleLines(withPartials(snapshot.transcript, state.partials), prompts),
    [snapshot.transcript, state.partials, prompts],
  );
  const questionIndex = useMemo(() => currentQuestionIndex(prompts), [prompts]);
  const questionCount = Math.max(plan.questionIds.length, interview.questionCount, snapshot.turn.questionCount);
  const candidateHere = otherConnected(participants, 'interviewer');
  const noCandidate = !hasCandidate(participants, interview);
  const started = interview.status !== 'created';
  // The question on the candidate's screen may come with an editor: its code shows here as they write it.
  const shownQuestionId = useMemo(() => latestPrompt(prompts)?.questionId ?? null, [prompts]);
  const task = useCodingTask(started && !state.completed ? shownQuestionId : null);

  if (state.fatal) return <SessionBlocked problem={state.fatal} interviewId={interview.id} />;
  if (state.completed) return <ReviewPage id={interview.id} justFinished />;

  const online = state.connection === 'connected' && state.joined;
  const codingLive = interview.status === 'live' && online && !state.wrappingUp && !state.ending;
  const blocked = !started ? 'Start the session first.' : !online ? 'Waiting for the connection…' : null;
  const consoleState = state.console;
  const candidateName = names.candidate.trim() || 'The candidate';

  return (
    <div className="console" data-testid="interviewer-console" data-status={interview.status}>
      <ConnectionBanner connection={state.connection} joined={state.joined} attempt={state.reconnectAttempt} />
      <header className="console__header">
        <div className="room__heading">
          <p className="room__eyebrow">
            {ROLE_LABELS[plan.role] ?? plan.role} · {LEVEL_LABELS[plan.level] ?? plan.level} · You are interviewing
          </p>
          <h1 className="room__title">{interview.title}</h1>
        </div>
        <div className="console__header-side">
          <PresenceChips participants={participants} viewer="interviewer" names={names} joined={state.joined} />
          <div className="room__header-actions">
            <SessionTimer startedAt={started ? interview.startedAt : null} running={started && !state.wrappingUp} />
            <ConnectionPill connection={state.connection} joined={state.joined} />
            {!started ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => void session.start()}
                disabled={!online || state.starting || noCandidate}
                title={noCandidate ? 'A candidate has to accept the invitation first.' : undefined}
              >
                {state.starting && <Spinner size="small" />}
                Start session
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setConfirmingEnd(true)}
                disabled={state.ending || state.wrappingUp}
              >
                {(state.ending || state.wrappingUp) && <Spinner size="small" />}
                End session
              </button>
            )}
          </div>
        </div>
      </header>

      {state.wrappingUp && (
        <p className="notice console__notice" role="status">
          The session has ended. Preparing the review…
        </p>
      )}
      {!started && (
        <WaitingNotice
          interviewId={interview.id}
          noCandidate={noCandidate}
          candidateHere={candidateHere}
          candidateName={candidateName}
        />
      )}

      <SessionAudioControls
        session={session}
        state={state}
        otherName={names.candidate.trim() || 'Candidate'}
        otherConnected={candidateHere}
      />

      <div className="console__layout">
        <div className="console__left">
          <ConsoleTranscript lines={lines} names={names} questionCount={questionCount} />
        </div>
        <div className="console__centre">
          <ListeningSignal
            signal={state.candidateListening}
            questionIndex={questionIndex}
            candidateName={candidateName}
          />
          <QuestionPanel
            questionIndex={questionIndex}
            questionCount={questionCount}
            questions={questions}
            prompts={prompts}
            checklists={consoleState?.checklists ?? []}
            suggestions={consoleState?.suggestions ?? null}
            started={started}
            online={online}
            onShow={(command) => session.show(command)}
            onRubric={(command) => session.setRubric(command)}
          />
          {task && (
            <Suspense
              fallback={
                <div className="card room__code-loading">
                  <Spinner label="Opening the candidate’s code…" />
                </div>
              }
            >
              <CodeWatchPanel
                interviewId={interview.id}
                task={task}
                online={online}
                live={codingLive}
                socket={session.live.connection.socket}
              />
            </Suspense>
          )}
        </div>
        <div className="console__right">
          <ScoresPanel
            questionIndex={questionIndex}
            questionCount={questionCount}
            questions={questions}
            scores={consoleState?.scores ?? []}
            blocked={blocked}
            onSave={(command) => session.saveScores(command)}
          />
          <NotesPanel
            questionIndex={questionIndex}
            notes={consoleState?.notes ?? []}
            blocked={online ? null : 'Waiting for the connection…'}
            onAdd={(command) => session.addNote(command)}
          />
        </div>
      </div>

      <Toasts toasts={state.toasts} onDismiss={(id) => session.live.dismissToast(id)} />
      <ConfirmDialog
        open={confirmingEnd}
        title="End the session now?"
        confirmLabel="End now"
        cancelLabel="Keep going"
        testId="end-session-dialog"
        onCancel={() => setConfirmingEnd(false)}
        onConfirm={async () => {
          await session.end();
          setConfirmingEnd(false);
        }}
      >
        {`${candidateName} goes to the review with you. Your scores and notes are kept; shared notes appear in their review.`}
      </ConfirmDialog>
    </div>
  );
}

/** Before the start: who is here, and the invitation link while no candidate has accepted it. */
function WaitingNotice({
  interviewId,
  noCandidate,
  candidateHere,
  candidateName,
}: {
  interviewId: string;
  noCandidate: boolean;
  candidateHere: boolean;
  candidateName: string;
}) {
  const details = useResource(noCandidate ? `human-session:${interviewId}` : null, (signal) =>
    sessionsApi.get(interviewId, signal),
  );
  const invitation = noCandidate && details.data?.invitePath ? details.data : null;
  return (
    <div className="console__waiting card" data-testid="console-waiting">
      <p className="console__waiting-text">
        {noCandidate
          ? 'No candidate has accepted the invitation yet. Send them the link; you can start once they are here.'
          : candidateHere
            ? `${candidateName} is here. Start the session when you are both ready: they see each question when you show it.`
            : `Waiting for ${candidateName} to connect. You can check your microphone meanwhile.`}
      </p>
      {invitation && <InvitationLink session={invitation} />}
    </div>
  );
}

const LISTENING_TEXT: Record<CandidateListening['state'], string> = {
  done: 'seems done',
  unsure: 'may have more to say',
  'mid-thought': 'is still thinking',
  'asked-for-time': 'asked for a moment',
};

/** After each thing the candidate says: do they seem done, or mid-thought (the same reading the AI interviewer makes)? */
function ListeningSignal({
  signal,
  questionIndex,
  candidateName,
}: {
  signal: CandidateListening | null;
  questionIndex: number;
  candidateName: string;
}) {
  if (!signal || signal.questionIndex !== questionIndex) return null;
  return (
    <p
      className={`console-listening console-listening--${signal.state}`}
      data-testid="candidate-listening"
      data-state={signal.state}
      role="status"
    >
      <strong>
        {candidateName} {LISTENING_TEXT[signal.state]}
      </strong>
      {signal.reasons.length > 0 && <span className="console-listening__why"> · {signal.reasons.join(', ')}</span>}
    </p>
  );
}
