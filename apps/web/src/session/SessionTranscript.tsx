import '../shared/live/transcript.css';
import './SessionTranscript.css';
import type { ShownSegment } from '../shared/live/transcript';
import { memo } from 'react';
import { clock, promptKindLabel } from '../shared/format';
import { speakerLabel, type ConsoleLine, type SessionNames } from './session-logic';
import { useFollowLatest } from '../shared/ui/use-follow-latest';

function JumpToLatest({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="transcript__jump button button--secondary button--small" onClick={onClick}>
      <span aria-hidden="true">↓</span> Jump to latest
    </button>
  );
}

/** The interviewer's transcript: both voices with who said what, and the prompts shown between them. */
export const ConsoleTranscript = memo(function ConsoleTranscript({
  lines,
  names,
  questionCount,
}: {
  lines: ConsoleLine[];
  names: SessionNames;
  questionCount: number;
}) {
  const { scroller, behind, scrollToEnd, onScroll } = useFollowLatest(lines);
  return (
    <section className="transcript card console-transcript" aria-labelledby="console-transcript-heading">
      <div className="transcript__header">
        <h2 id="console-transcript-heading" className="transcript__title">
          Transcript
        </h2>
        <span className="transcript__hint">Both voices, as they speak</span>
      </div>
      <div
        ref={scroller}
        className="transcript__scroller"
        data-testid="console-transcript"
        role="log"
        aria-live="off"
        aria-label="Session transcript"
        tabIndex={0}
        onScroll={onScroll}
      >
        {lines.length === 0 ? (
          <p className="transcript__empty">What you both say appears here, line by line.</p>
        ) : (
          <ol className="transcript__lines">
            {lines.map((line) =>
              line.kind === 'prompt' ? (
                <li
                  key={`p${line.seq}`}
                  className="console-transcript__prompt"
                  data-testid="console-prompt"
                  data-kind={line.prompt.kind}
                  data-seq={line.seq}
                >
                  <span className="console-transcript__prompt-label">
                    Shown · {promptKindLabel(line.prompt.kind, line.prompt.questionIndex, questionCount)}
                  </span>
                  <span className="console-transcript__prompt-text">{line.prompt.text}</span>
                </li>
              ) : (
                <li
                  key={`s${line.seq}`}
                  className={`segment segment--${line.speaker === 'interviewer' ? 'own' : 'other'}${line.partial ? ' segment--partial' : ''}`}
                  data-testid={line.partial ? 'console-segment-partial' : 'console-segment'}
                  data-speaker={line.speaker}
                  data-seq={line.seq}
                >
                  <div className="segment__meta">
                    <span className="segment__speaker">{speakerLabel(line.speaker, 'interviewer', names)}</span>
                    <time className="segment__time" dateTime={`PT${Math.floor(line.startMs / 1000)}S`}>
                      {clock(line.startMs)}
                    </time>
                  </div>
                  <p className="segment__text" data-testid="segment-text">
                    {line.text}
                  </p>
                </li>
              ),
            )}
          </ol>
        )}
      </div>
      {behind && <JumpToLatest onClick={scrollToEnd} />}
    </section>
  );
});

/** The candidate's transcript: their own words only. */
export const CandidateTranscript = memo(function CandidateTranscript({ segments }: { segments: ShownSegment[] }) {
  const { scroller, behind, scrollToEnd, onScroll } = useFollowLatest(segments);
  return (
    <section className="transcript card session-room__transcript" aria-labelledby="session-transcript-heading">
      <div className="transcript__header">
        <h2 id="session-transcript-heading" className="transcript__title">
          Your answers
        </h2>
        <span className="transcript__hint">Appears as you speak</span>
      </div>
      <div
        ref={scroller}
        className="transcript__scroller"
        data-testid="transcript"
        role="log"
        aria-live="off"
        aria-label="Your transcript"
        tabIndex={0}
        onScroll={onScroll}
      >
        {segments.length === 0 ? (
          <p className="transcript__empty">What you say appears here, line by line.</p>
        ) : (
          <ol className="transcript__lines">
            {segments.map((segment) => (
              <li
                key={segment.seq}
                className={`segment segment--candidate${segment.partial ? ' segment--partial' : ''}`}
                data-testid={segment.partial ? 'segment-partial' : 'segment'}
                data-speaker={segment.speaker}
                data-seq={segment.seq}
              >
                <div className="segment__meta">
                  <span className="segment__speaker">You</span>
                  <time className="segment__time" dateTime={`PT${Math.floor(segment.startMs / 1000)}S`}>
                    {clock(segment.startMs)}
                  </time>
                </div>
                <p className="segment__text" data-testid="segment-text">
                  {segment.text}
                </p>
              </li>
            ))}
          </ol>
        )}
      </div>
      {behind && <JumpToLatest onClick={scrollToEnd} />}
    </section>
  );
});
