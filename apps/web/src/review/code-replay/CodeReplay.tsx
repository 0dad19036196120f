import { CODE_LANGUAGE_LABELS } from '@mockroom/contracts';
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import './CodeReplay.css';
import { plural } from '../../shared/ui/labels';
import type { Playback } from '../playback';
import {
  changedLines,
  codeAt,
  codeVersions,
  followPosition,
  mmss,
  runAt,
  timelineSpan,
  timelineTicks,
  type QuestionCode,
  type Span,
} from './replay';
import { ReplayCode } from './ReplayCode';
import { ReplayRun } from './ReplayRun';
import { ReplayTimeline } from './ReplayTimeline';

interface CodeReplayProps {
  history: QuestionCode;
  /** The review's recording (null without one: no following, no playing from here). */
  playback: Playback | null;
}

/** A coding question's code on the interview's timeline, in step with the recording. */
export function CodeReplay({ history, playback }: CodeReplayProps) {
  const span = useMemo(() => timelineSpan(history), [history]);
  return span ? <Replay history={history} span={span} playback={playback} /> : null;
}

const noSubscription = () => () => undefined;

/** The recording's position while it is within `span` (null outside it, or when not following). */
function useHeardPosition(playback: Playback | null, span: Span | null): number | null {
  return useSyncExternalStore(playback?.subscribe ?? noSubscription, () =>
    playback && span ? followPosition(playback.getState().positionMs, span) : null,
  );
}

function usePlaying(playback: Playback | null): boolean {
  return useSyncExternalStore(playback?.subscribe ?? noSubscription, () => playback?.getState().playing ?? false);
}

function Replay({ history, span, playback }: CodeReplayProps & { span: Span }) {
  const headingId = useId();
  const versions = useMemo(() => codeVersions(history), [history]);
  const ticks = useMemo(() => timelineTicks(history, span), [history, span]);
  const lines = useMemo(() => Math.max(...versions.map((v) => v.code.split('\n').length), 1), [versions]);
  // Opens on the final code and the last run.
  const [atMs, setAtMs] = useState(span.endMs);
  const [follow, setFollow] = useState(true);
  const playing = usePlaying(playback);

  // Follows the recording when its position moves (playing or seeking), so a still recording leaves the slider free.
  const heard = useHeardPosition(playback, follow ? span : null);
  const [lastHeard, setLastHeard] = useState(heard);
  if (heard !== lastHeard) {
    setLastHeard(heard);
    if (heard !== null) setAtMs(heard);
  }

  const moveTo = (ms: number) => {
    setAtMs(ms);
    // While following a playing recording the two move together, or the recording would pull the slider back.
    if (playback && follow && playing) playback.seek(ms);
  };
  const playFromHere = () => {
    if (!playback) return;
    setFollow(true);
    playback.seek(atMs);
    void playback.play();
  };

  const shown = codeAt(versions, atMs);
  const run = runAt(history.runs, atMs);
  const changed = shown?.previous ? changedLines(shown.previous.code, shown.version.code) : null;

  return (
    <section
      className="code-replay"
      aria-labelledby={headingId}
      data-testid="code-replay"
      data-question-id={history.questionId}
      data-at-ms={Math.round(atMs)}
    >
      <div className="code-replay__top">
        <h4 id={headingId} className="question-result__subtitle">
          Code replay
        </h4>
        <ul className="meta-list">
          <li>{plural(history.snapshots.length, 'snapshot')}</li>
          <li>{plural(history.runs.length, 'run')}</li>
        </ul>
        {playback && (
          <div className="code-replay__audio">
            <label className="code-replay__follow">
              <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} />
              Follow audio
            </label>
            <button type="button" className="button button--secondary button--small" onClick={playFromHere}>
              Play from here
            </button>
          </div>
        )}
      </div>

      <ReplayTimeline span={span} ticks={ticks} atMs={atMs} currentRunId={run?.id ?? null} onMove={moveTo} />

      {shown ? (
        <div className="code-replay__moment">
          <p className="code-replay__source" data-testid="code-replay-source" data-source={shown.version.source}>
            {shown.version.source === 'run' ? 'Code run' : 'Code'} at {mmss(shown.version.atMs)} ·{' '}
            {CODE_LANGUAGE_LABELS[shown.version.language]}
            {changed && shown.previous && (
              <span className="code-replay__changed">
                {' '}
                · {changed.from === changed.to ? `line ${changed.from}` : `lines ${changed.from}–${changed.to}`} changed
                since {mmss(shown.previous.atMs)}
              </span>
            )}
          </p>
          <ReplayCode code={shown.version.code} language={shown.version.language} lines={lines} />
        </div>
      ) : (
        <p className="question-result__none">No code yet at this point.</p>
      )}

      {run ? (
        <ReplayRun run={run} />
      ) : (
        <p className="question-result__none">
          {history.runs.length > 0 ? 'The code had not been run yet at this point.' : 'The code was never run.'}
        </p>
      )}
    </section>
  );
}
