import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import '../../shared/live/transcript.css';
import { clock, promptKindLabel } from '../../shared/format';
import type { TranscriptLine } from '../../shared/live/transcript';

interface TranscriptProps {
  lines: TranscriptLine[];
  questionCount: number;
  /** The candidate is talking right now (a line is on its way). */
  speaking: boolean;
}

/** Within this many pixels of the bottom counts as "reading the latest": new lines scroll into view. */
const STICK_PX = 48;

/**
 * The live transcript, the centre of the room. It follows new lines unless the candidate scrolled up to read,
 * in which case a button offers to jump back to the latest.
 */
export const Transcript = memo(function Transcript({ lines, questionCount, speaking }: TranscriptProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [behind, setBehind] = useState(false);
  const count = lines.length;

  // Instant, not smooth: a smooth scroll still under way when the next line lands would read as the reader scrolling up.
  const scrollToEnd = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    stick.current = true;
    setBehind(false);
  }, []);

  useLayoutEffect(() => {
    if (stick.current) scrollToEnd();
    else setBehind(true);
  }, [count, lines, speaking, scrollToEnd]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const atEnd = element.scrollHeight - element.scrollTop - element.clientHeight < STICK_PX;
    stick.current = atEnd;
    if (atEnd) setBehind(false);
  };

  return (
    <section className="transcript card" aria-labelledby="transcript-heading">
      <div className="transcript__header">
        <h2 id="transcript-heading" className="transcript__title">
          Transcript
        </h2>
        <span className="transcript__hint">Appears as you speak</span>
      </div>
      <div
        ref={scroller}
        className="transcript__scroller"
        data-testid="transcript"
        role="log"
        aria-live="off"
        aria-label="Interview transcript"
        tabIndex={0}
        onScroll={onScroll}
      >
        {count === 0 ? (
          <p className="transcript__empty">The conversation appears here, line by line, as it happens.</p>
        ) : (
          <ol className="transcript__lines">
            {lines.map((line) => (
              <TranscriptItem key={line.seq} line={line} questionCount={questionCount} />
            ))}
            {speaking && (
              <li className="transcript__pending" aria-hidden="true">
                <span className="transcript__speaker">You</span>
                <span className="transcript__dots">
                  <span />
                  <span />
                  <span />
                </span>
              </li>
            )}
          </ol>
        )}
      </div>
      {behind && (
        <button type="button" className="transcript__jump button button--secondary button--small" onClick={scrollToEnd}>
          <span aria-hidden="true">↓</span> Jump to latest
        </button>
      )}
    </section>
  );
});

const TranscriptItem = memo(function TranscriptItem({
  line,
  questionCount,
}: {
  line: TranscriptLine;
  questionCount: number;
}) {
  const interviewer = line.speaker === 'interviewer';
  const kind = line.prompt ? promptKindLabel(line.prompt.kind, line.prompt.questionIndex, questionCount) : null;
  return (
    <li
      className={`segment segment--${line.speaker}${line.prompt?.kind === 'question' ? ' segment--question' : ''}${line.partial ? ' segment--partial' : ''}`}
      data-testid={line.partial ? 'segment-partial' : 'segment'}
      data-speaker={line.speaker}
      data-seq={line.seq}
      aria-busy={line.partial || undefined}
    >
      <div className="segment__meta">
        <span className="segment__speaker">{interviewer ? 'Interviewer' : 'You'}</span>
        <time className="segment__time" dateTime={`PT${Math.floor(line.startMs / 1000)}S`}>
          {clock(line.startMs)}
        </time>
        {interviewer && kind && (
          <span className={`segment__kind${line.prompt?.kind === 'question' ? ' segment__kind--question' : ''}`}>
            {kind}
          </span>
        )}
      </div>
      <p className="segment__text" data-testid="segment-text">
        {line.text}
      </p>
    </li>
  );
});
