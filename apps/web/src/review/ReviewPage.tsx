import type { Review } from '@mockroom/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import './ReviewPage.css';
import { interviewsApi, reviewsApi } from '../shared/api/endpoints';
import { SkeletonArticle } from '../shared/ui/Skeleton';
import { useDocumentTitle } from '../shared/ui/use-document-title';
import { InterviewLoadError } from '../shared/ui/InterviewLoadError';
import { sortLines } from './active-line';
import { AudioPlayer } from './AudioPlayer';
import { DeleteInterviewDialog, type DeleteKind } from './DeleteInterviewDialog';
import { Insights } from './Insights';
import { Playback } from './playback';
import { GeneralNotes } from './InterviewerVerdict';
import { QuestionReview } from './QuestionReview';
import { ReviewHeader } from './ReviewHeader';
import { describeScoreChanges, questionMarkers, speakerLabels } from './review-logic';
import { ReviewTranscript } from './ReviewTranscript';
import { SharePanel } from './SharePanel';
import { useReview } from './use-review';
import { CodeReplay } from './code-replay/CodeReplay';
import { useCodeHistory } from './code-replay/use-code-history';
import { Breadcrumb } from '../shared/ui/Breadcrumb';

/** `/interviews/:id` once the interview is over: the review (audio, synced transcript, question cards, insights). */
export function ReviewPage({ id, justFinished = false }: { id: string; justFinished?: boolean }) {
  const { status, error, reload, review, polling, replace } = useReview(id, justFinished);
  const failed = !review && status === 'error' && error ? error : null;
  useDocumentTitle(
    review
      ? `Review: ${review.interview.title}`
      : failed
        ? failed.status === 404
          ? 'Interview not found'
          : 'Interview'
        : 'Interview review',
  );

  if (failed)
    return <InterviewLoadError status={failed.status} message={failed.message} onRetry={reload} what="review" />;

  return (
    <div
      className="page review"
      data-testid={review ? 'interview-summary' : undefined}
      data-interview={id}
      data-just-finished={justFinished || undefined}
    >
      <Breadcrumb to="/interviews" label="Interviews" className="review__breadcrumb" />
      {justFinished && (
        <p className="notice review__done" role="status">
          {review?.interview.status === 'abandoned'
            ? 'Interview complete. It ended early, so not every question was reached.'
            : 'Interview complete. Here is how it went.'}
        </p>
      )}
      {review ? (
        <ReviewContent review={review} polling={polling} justFinished={justFinished} onReview={replace} />
      ) : (
        <SkeletonArticle label="Loading the review…" />
      )}
    </div>
  );
}

function ReviewContent({
  review,
  polling,
  justFinished,
  onReview,
}: {
  review: Review;
  polling: boolean;
  justFinished: boolean;
  onReview: (review: Review) => void;
}) {
  const navigate = useNavigate();
  const [playback] = useState(() => new Playback(review.audio?.durationMs ?? 0));
  // The first recording seen stays: a later look for scores must not reload the audio under the listener.
  const [audio, setAudio] = useState(review.audio);
  if (!audio && review.audio) setAudio(review.audio);
  const [emphasis, setEmphasis] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const { interview } = review;
  const owner = review.access === 'owner';
  const human = interview.interviewer.kind === 'human';
  // Who may delete what: an AI interview is its candidate's, a human session its interviewer's (the candidate may
  // take it out of their own history); an admin may delete either.
  const deleteKind: DeleteKind | null = owner
    ? human
      ? 'leave-session'
      : 'interview'
    : review.access === 'interviewer' || review.access === 'admin'
      ? human
        ? 'session'
        : 'interview'
      : null;

  const lines = useMemo(() => sortLines(review.transcript), [review.transcript]);
  const labels = useMemo(() => speakerLabels(review), [review]);
  const markers = useMemo(() => questionMarkers(review.questions), [review.questions]);
  const codeHistory = useCodeHistory(interview.id);
  // Made once per load, so the memoised question reviews do not render again with the page.
  const codeReplays = useMemo(
    () =>
      new Map(
        [...codeHistory].map(([questionId, history]) => [
          questionId,
          <CodeReplay history={history} playback={audio ? playback : null} />,
        ]),
      ),
    [codeHistory, playback, audio],
  );

  const hear = useCallback(
    (ms: number) => {
      playback.seek(ms);
      void playback.play();
    },
    [playback],
  );
  const emphasise = useCallback((pointId: string | null) => setEmphasis(pointId), []);
  // The candidate corrects a misheard line: the answer is scored again and the review shows the new scores at once.
  const correct = useCallback(
    async (seq: number, text: string) => {
      const result = await reviewsApi.correct(interview.id, seq, text);
      onReview(result.review);
      return describeScoreChanges(result.correction.changes);
    },
    [interview.id, onReview],
  );

  const jumpToShare = useCallback(() => {
    document.querySelector<HTMLInputElement>('#share input[name="email"]')?.focus();
  }, []);

  const remove = async () => {
    await interviewsApi.remove(interview.id);
    await navigate('/interviews', {
      replace: true,
      state: { deleted: interview.title, removed: deleteKind === 'leave-session' },
    });
  };

  return (
    <>
      <ReviewHeader review={review} justFinished={justFinished} onShare={owner ? jumpToShare : null} />
      <Insights review={review} polling={polling} />

      <div className="review__layout">
        <section className="review__listen" aria-labelledby="review-listen-heading">
          <h2 id="review-listen-heading" className="visually-hidden">
            Recording and transcript
          </h2>
          {audio ? (
            <AudioPlayer audio={audio} playback={playback} labels={labels} markers={markers} />
          ) : (
            <p className="card review-player review-player--none" data-testid="player-none">
              No recording for this interview.
            </p>
          )}
          <ReviewTranscript
            lines={lines}
            labels={labels}
            playback={playback}
            seekable={audio !== null}
            emphasis={emphasis}
            correct={owner ? correct : null}
          />
        </section>

        {review.interviewer && <GeneralNotes view={review.interviewer} />}

        <section className="review__questions" aria-labelledby="review-questions-heading">
          <h2 id="review-questions-heading" className="section-title">
            Question by question
          </h2>
          {review.questions.length === 0 ? (
            <p className="review__empty">This interview had no questions.</p>
          ) : (
            <ol className="review__question-list">
              {review.questions.map((question) => (
                <li key={question.index}>
                  <QuestionReview
                    question={question}
                    questionCount={review.questions.length}
                    owner={owner}
                    onHear={audio ? hear : null}
                    onEmphasis={emphasise}
                    interviewer={review.interviewer}
                    codeReplay={codeReplays.get(question.questionId)}
                  />
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {owner || deleteKind ? (
        <div className="review__manage">
          {owner && <SharePanel interviewId={interview.id} initial={review.shares} />}
          {!owner && <AccessNote review={review} />}
          {deleteKind && (
            <section className="card review-danger" aria-labelledby="review-delete-heading">
              <h2 id="review-delete-heading" className="section-title">
                {DELETE_TEXT[deleteKind].heading}
              </h2>
              <p className="review-danger__text">{DELETE_TEXT[deleteKind].text(interview.interviewer.name)}</p>
              <button
                ref={deleteButton}
                type="button"
                className="button button--danger"
                onClick={() => setConfirmingDelete(true)}
              >
                {DELETE_TEXT[deleteKind].button}
              </button>
            </section>
          )}
          {deleteKind && (
            <DeleteInterviewDialog
              open={confirmingDelete}
              kind={deleteKind}
              title={interview.title}
              shared={review.shares.length > 0}
              interviewerName={interview.interviewer.name}
              onCancel={() => {
                setConfirmingDelete(false);
                deleteButton.current?.focus();
              }}
              onConfirm={remove}
            />
          )}
        </div>
      ) : (
        <AccessNote review={review} />
      )}
    </>
  );
}

const DELETE_TEXT: Record<DeleteKind, { heading: string; text: (interviewer: string) => string; button: string }> = {
  interview: {
    heading: 'Delete this interview',
    text: () => 'Removes the recording, transcript and scores for good, for you and anyone you shared it with.',
    button: 'Delete interview',
  },
  session: {
    heading: 'Delete this session',
    text: () => 'Removes the recordings, transcript, your notes and scores for good, for you and the candidate.',
    button: 'Delete session',
  },
  'leave-session': {
    heading: 'Remove from my history',
    text: (interviewer) =>
      `Takes this session out of your history and progress and deletes your recording. ${interviewer} keeps the session, its transcript, their notes and scores.`,
    button: 'Remove from my history',
  },
};

/** Why a viewer who is not the candidate can see this, read-only. */
function AccessNote({ review }: { review: Review }) {
  const name = review.interview.candidate?.name || 'the candidate';
  const text =
    review.access === 'shared'
      ? `Shared with you by ${name}.`
      : review.access === 'interviewer'
        ? `You interviewed ${name}.`
        : `You're viewing ${name}'s interview as an admin.`;
  const rights =
    review.access === 'shared'
      ? `You can listen, read and export it; only ${name} can share or delete it.`
      : `You can listen, read, export or delete it; only ${name} can share it.`;
  return (
    <p className="notice review__access" data-testid="access-note">
      {text} {rights}
      {review.interview.candidate?.removed
        ? ` ${name} removed this session from their history and deleted their recording.`
        : ''}
    </p>
  );
}
