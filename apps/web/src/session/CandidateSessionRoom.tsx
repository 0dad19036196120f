import type { InterviewSnapshot } from '@mockroom/contracts';
import { Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import '../shared/live/room.css';
import './CandidateSessionRoom.css';
import './session-pages.css';
import { promptKindLabel } from '../shared/format';
import { ConnectionBanner, ConnectionPill } from '../shared/live/ConnectionBanner';
import { Toasts } from '../shared/live/Toasts';
import { ReviewPage } from '../review';
import { CodePanel, useCodingTask } from '../coding';
import { LEVEL_LABELS, ROLE_LABELS } from '../shared/ui/labels';
import { Spinner } from '../shared/ui/Spinner';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { SessionAudioControls } from './AudioControls';
import type { SessionStore } from './live/session-store';
import { PresenceChips } from './PresenceChips';
import { SessionBlocked } from './SessionBlocked';
import { SessionTimer } from './SessionTimer';
import { CandidateTranscript } from './SessionTranscript';
import { candidateSegments, latestPrompt, otherConnected, sessionNames } from './session-logic';
import { withPartials } from '../shared/live/transcript';
import { useSessionStore, useSessionState } from './live/use-session-store';

/**
 * The candidate's side of a session run by a human interviewer: who is here, the prompt on screen, their own words,
 * and their microphone. It never shows a rubric, scores or notes (the server never sends them here).
 */
export function CandidateSessionRoom({ initial }: { initial: InterviewSnapshot }) {
  const session = useSessionStore(initial, 'candidate');
  if (!session) {
    return (
      <div className="room room--loading">
        <Spinner label="Opening the session…" />
      </div>
    );
  }
  return <Room session={session} />;
}

function Room({ session }: { session: SessionStore }) {
  const state = useSessionState(session, (s) => s);
  const { snapshot, participants } = state;
  const { interview, plan, prompts } = snapshot;
  useDocumentTitle(state.completed ? `Review: ${interview.title}` : interview.title);
  const names = useMemo(() => sessionNames(participants, interview), [participants, interview]);
  const segments = useMemo(
    () => candidateSegments(withPartials(snapshot.transcript, state.partials)),
    [snapshot.transcript, state.partials],
  );
  const prompt = useMemo(() => latestPrompt(prompts), [prompts]);
  const started = interview.status !== 'created';
  // The question on screen may come with an editor (most have none).
  const task = useCodingTask(started && !state.completed ? (prompt?.questionId ?? null) : null);

  if (state.fatal) return <SessionBlocked problem={state.fatal} interviewId={interview.id} />;
  if (state.completed) return <ReviewPage id={interview.id} justFinished />;

  const interviewerName = names.interviewer.trim() || 'the interviewer';
  const interviewerHere = otherConnected(participants, 'candidate');
  const questionCount = Math.max(plan.questionIds.length, interview.questionCount, snapshot.turn.questionCount);
  const online = state.connection === 'connected' && state.joined;
  const codingLive = interview.status === 'live' && online && !state.wrappingUp && !state.ending;
  const announcement = prompt
    ? `${promptKindLabel(prompt.kind, prompt.questionIndex, questionCount)}. ${prompt.text}`
    : '';

  return (
    <div
      className={task ? 'session-room session-room--coding' : 'session-room'}
      data-testid="candidate-session"
      data-status={interview.status}
    >
      <ConnectionBanner connection={state.connection} joined={state.joined} attempt={state.reconnectAttempt} />
      <header className="console__header">
        <div className="room__heading">
          <p className="room__eyebrow">
            {ROLE_LABELS[plan.role] ?? plan.role} · {LEVEL_LABELS[plan.level] ?? plan.level} · with {names.interviewer}
          </p>
          <h1 className="room__title">{interview.title}</h1>
        </div>
        <div className="console__header-side">
          <PresenceChips participants={participants} viewer="candidate" names={names} joined={state.joined} />
          <div className="room__header-actions">
            <SessionTimer startedAt={started ? interview.startedAt : null} running={started && !state.wrappingUp} />
            <ConnectionPill connection={state.connection} joined={state.joined} />
          </div>
        </div>
      </header>

      <div className="session-room__layout">
        <div className="session-room__main">
          <section className="session-room__prompt card" aria-label="On your screen">
            {state.wrappingUp ? (
              <p className="session-room__waiting" role="status">
                <Spinner size="small" /> The session has ended. Preparing your review…
              </p>
            ) : !started ? (
              <div className="session-room__waiting" data-testid="session-waiting">
                <p className="session-room__waiting-title">Waiting for {interviewerName} to start</p>
                <p className="muted-text">
                  {interviewerHere
                    ? `${capitalise(interviewerName)} is here. You can already hear each other: check your microphone below.`
                    : `${capitalise(interviewerName)} hasn't connected yet. Keep this page open; the session starts here.`}
                </p>
              </div>
            ) : prompt ? (
              <>
                <p className="interviewer-panel__kind" data-testid="prompt-kind" data-kind={prompt.kind}>
                  {promptKindLabel(prompt.kind, prompt.questionIndex, questionCount)}
                </p>
                <p className="interviewer-panel__text session-room__prompt-text" data-testid="prompt-text">
                  {prompt.text}
                </p>
              </>
            ) : (
              <div className="session-room__waiting" data-testid="session-waiting">
                <p className="session-room__waiting-title">The session has started</p>
                <p className="muted-text">{capitalise(interviewerName)} will show the first question here.</p>
              </div>
            )}
          </section>

          <CandidateTranscript segments={segments} />

          <SessionAudioControls
            session={session}
            state={state}
            otherName={names.interviewer.trim() || 'Interviewer'}
            otherConnected={interviewerHere}
          />

          <p className="session-room__note">
            {capitalise(interviewerName)} ends the session; you'll see your review here when they do. Leaving this page
            doesn't end it: <Link to="/interviews">your interviews</Link> will bring you back.
          </p>
        </div>

        {task && (
          <div className="session-room__code">
            <Suspense
              fallback={
                <div className="card room__code-loading">
                  <Spinner label="Opening the editor…" />
                </div>
              }
            >
              <CodePanel
                interviewId={interview.id}
                task={task}
                live={codingLive}
                socket={session.live.connection.socket}
              />
            </Suspense>
          </div>
        )}
      </div>

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <Toasts toasts={state.toasts} onDismiss={(id) => session.live.dismissToast(id)} />
    </div>
  );
}

function capitalise(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
