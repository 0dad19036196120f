import type { InterviewSnapshot } from '@mockroom/contracts';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import '../../shared/live/room.css';
import { systemApi } from '../../shared/api/endpoints';
import { useResource } from '../../shared/api/use-resource';
import { useCurrentUser } from '../../shared/auth/auth-context';
import { LEVEL_LABELS, ROLE_LABELS } from '../../shared/ui/labels';
import { Spinner } from '../../shared/ui/Spinner';
import { useDocumentTitle } from '../../shared/ui/use-document-title';
import { promptKindLabel } from '../../shared/format';
import type { AiInterviewStore } from '../live/ai-interview-store';
import { transcriptLines, withPartials } from '../../shared/live/transcript';
import { useAiInterviewStore, useAiInterviewState } from '../live/use-ai-interview-store';
import { ReviewPage } from '../../review';
import { CodePanel, useCodingTask } from '../../coding';
import { CandidatePanel } from './CandidatePanel';
import { ConnectionBanner, ConnectionPill } from '../../shared/live/ConnectionBanner';
import { EndInterviewDialog } from './EndInterviewDialog';
import { describeTransport } from '../../shared/audio/live-media';
import { engineLine } from './engines';
import { InterviewerPanel } from './InterviewerPanel';
import { ProgressRail } from './ProgressRail';
import { Toasts } from '../../shared/live/Toasts';
import { Transcript } from './Transcript';

/** Elements where Enter means something already: the shortcut leaves them alone (the code editor is contenteditable). */
const INTERACTIVE =
  'input, textarea, select, button, a[href], summary, dialog, [contenteditable=""], [contenteditable="true"], [role="button"], [role="link"], [role="textbox"]';

/** The live interview room for a created or live interview. */
export function InterviewRoom({ initial }: { initial: InterviewSnapshot }) {
  const session = useAiInterviewStore(initial);
  if (!session) {
    return (
      <div className="room room--loading">
        <Spinner label="Opening the interview room…" />
      </div>
    );
  }
  return <LiveRoom session={session} />;
}

function LiveRoom({ session }: { session: AiInterviewStore }) {
  const state = useAiInterviewState(session, (s) => s);
  const user = useCurrentUser();
  const system = useResource(`system:${user.id}`, (signal) => systemApi.info(signal));
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const { snapshot, playback } = state;
  const { interview, plan, prompts } = snapshot;
  // Before the interview starts the turn may not know the question count yet; the interview does.
  const turn = useMemo(
    () =>
      snapshot.turn.questionCount > 0 ? snapshot.turn : { ...snapshot.turn, questionCount: interview.questionCount },
    [snapshot.turn, interview.questionCount],
  );
  useDocumentTitle(state.completed ? `Summary: ${interview.title}` : interview.title);

  const prompt = useMemo(() => {
    const current = turn.currentPromptSeq === null ? undefined : prompts.find((p) => p.seq === turn.currentPromptSeq);
    return current ?? prompts[prompts.length - 1] ?? null;
  }, [prompts, turn.currentPromptSeq]);
  const lines = useMemo(
    () => transcriptLines(withPartials(snapshot.transcript, state.partials), prompts),
    [snapshot.transcript, state.partials, prompts],
  );
  const canFinish = session.canFinishAnswer();
  const started = interview.status !== 'created';
  // A coding question opens an editor beside the conversation (most questions have none).
  const task = useCodingTask(started ? (prompt?.questionId ?? null) : null);

  // Enter finishes the answer, unless focus is somewhere Enter already does something.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key !== 'Enter' ||
        event.repeat ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        event.shiftKey ||
        event.isComposing
      )
        return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(INTERACTIVE) || document.querySelector('dialog[open]')) return;
      if (!session.canFinishAnswer()) return;
      event.preventDefault();
      session.answerDone();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  const subscribeLevel = useCallback(
    (listener: (level: number, raw: number) => void) => session.live.onLevel(listener),
    [session],
  );

  if (state.fatal) {
    return (
      <div className="page page--narrow">
        <div className="state state--error room-blocked" role="alert">
          <h1 className="state__title">{state.fatal.title}</h1>
          <p className="state__message">{state.fatal.message}</p>
          <div className="state__actions">
            {state.fatal.code === 'unauthorized' ? (
              <Link
                to={`/sign-in?next=${encodeURIComponent(`/interviews/${interview.id}`)}`}
                className="button button--primary"
              >
                Sign in again
              </Link>
            ) : state.fatal.code === 'session-ended' ? (
              <Link to={`/interviews/${interview.id}/review`} className="button button--primary">
                See the summary
              </Link>
            ) : state.fatal.code === 'interview-discarded' ? (
              <Link to="/interviews/new" className="button button--primary">
                Start a new interview
              </Link>
            ) : null}
            <Link to="/interviews" className="button button--secondary">
              Back to history
            </Link>
          </div>
        </div>
      </div>
    );
  }

  if (state.completed) return <ReviewPage id={snapshot.interview.id} justFinished />;

  const answered = Math.min(turn.questionIndex, turn.questionCount);
  const connected = state.connection === 'connected' && state.joined;
  const codingLive = interview.status === 'live' && connected && !state.wrappingUp && !state.ending;
  const announcement = prompt
    ? `${promptKindLabel(prompt.kind, prompt.questionIndex, turn.questionCount)}. ${prompt.text}`
    : '';

  return (
    <div className={task ? 'room room--coding' : 'room'}>
      <ConnectionBanner connection={state.connection} joined={state.joined} attempt={state.reconnectAttempt} />
      <header className="room__header">
        <div className="room__heading">
          <p className="room__eyebrow">
            {ROLE_LABELS[plan.role] ?? plan.role} · {LEVEL_LABELS[plan.level] ?? plan.level} · with{' '}
            {interview.interviewer.name}
          </p>
          <h1 className="room__title">{interview.title}</h1>
        </div>
        <div className="room__header-actions">
          <ConnectionPill connection={state.connection} joined={state.joined} />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirmingEnd(true)}
            disabled={state.ending || state.wrappingUp}
          >
            End interview
          </button>
        </div>
      </header>

      <div className={task ? 'room__layout room__layout--coding' : 'room__layout'}>
        <aside className="room__aside">
          <ProgressRail turn={turn} prompts={prompts} started={started} />
          <p className="room__engines" data-testid="engines">
            {engineLine(snapshot.engines, plan, system.data)}
          </p>
          <p
            className="room__engines"
            data-testid="audio-transport"
            data-via={state.media.via}
            data-room={state.media.room}
          >
            Audio: {describeTransport(state.media)}
          </p>
        </aside>

        <div className="room__main">
          <InterviewerPanel
            status={interview.status}
            turn={turn}
            prompt={started ? prompt : null}
            playback={playback}
            waitingForAudio={state.waitingForAudio !== null}
            wrappingUp={state.wrappingUp}
            canAct={connected}
            starting={state.starting}
            startBlocked={
              session.canStart()
                ? null
                : 'Your microphone isn’t working, so nothing you say could be heard. Fix it and try again, or type your answers instead.'
            }
            onTypeInstead={() => session.setTyping(true)}
            interviewerName={interview.interviewer.name}
            onStart={() => void session.startInterview()}
            onReplay={() => prompt && session.replay(prompt.seq)}
            onUnblock={() => session.unblockAudio()}
            onSkipAudio={() => session.skipPromptAudio()}
          />
          <Transcript
            lines={lines}
            questionCount={turn.questionCount}
            speaking={
              turn.phase === 'listening' &&
              state.activity?.speaking === true &&
              !state.muted &&
              !lines.some((l) => l.partial)
            }
          />
          <CandidatePanel
            subscribeLevel={subscribeLevel}
            mic={state.mic}
            muted={state.muted}
            phase={turn.phase}
            started={started}
            answerStartedAt={state.answerStartedAt}
            activity={state.activity}
            activityAt={state.activityAt}
            silenceMs={plan.answerSilenceMs}
            canFinish={canFinish}
            doneSent={state.doneSentFor !== null}
            onToggleMute={() => session.live.setMuted(!state.muted)}
            onDone={() => session.answerDone()}
            onRetryMic={() => session.live.retryMic()}
            onResumeMic={() => session.live.resumeMic()}
            typing={state.typing}
            canSendText={session.canSendText()}
            sendingText={state.sendingText}
            onTypingChange={(typing) => session.setTyping(typing)}
            onSendText={(text) => session.sendTypedAnswer(text)}
          />
        </div>

        {task && (
          <div className="room__code">
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
      <EndInterviewDialog
        open={confirmingEnd}
        answered={answered}
        total={turn.questionCount}
        onCancel={() => setConfirmingEnd(false)}
        onConfirm={async () => {
          await session.endInterview();
          setConfirmingEnd(false);
        }}
      />
    </div>
  );
}
