import type { ReactNode } from 'react';
import './transcript.css';
import { clock } from '../format';
import { useFollowLatest } from '../ui/use-follow-latest';

interface TranscriptLogProps {
  /** Heading and the hint beside it ("Appears as you speak"). */
  title: string;
  hint: string;
  headingId: string;
  /** The log's accessible name and test id. */
  label: string;
  testId: string;
  /** What an empty log says. */
  empty: string;
  /** Whatever changes when a line arrives: the log follows it unless the reader scrolled up. */
  change: unknown;
  className?: string;
  /** The lines (`<li>`s); null or an empty array shows `empty`. */
  children: ReactNode;
  hasLines: boolean;
}

/**
 * A live transcript as every room shows it: a heading, a log that follows new lines unless the reader scrolled up to
 * read (then "Jump to latest" brings them back), and the lines themselves.
 */
export function TranscriptLog(props: TranscriptLogProps) {
  const { scroller, behind, scrollToEnd, onScroll } = useFollowLatest(props.change);
  return (
    <section
      className={`transcript card${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={props.headingId}
    >
      <div className="transcript__header">
        <h2 id={props.headingId} className="transcript__title">
          {props.title}
        </h2>
        <span className="transcript__hint">{props.hint}</span>
      </div>
      <div
        ref={scroller}
        className="transcript__scroller"
        data-testid={props.testId}
        role="log"
        aria-live="off"
        aria-label={props.label}
        tabIndex={0}
        onScroll={onScroll}
      >
        {props.hasLines ? (
          <ol className="transcript__lines">{props.children}</ol>
        ) : (
          <p className="transcript__empty">{props.empty}</p>
        )}
      </div>
      {behind && (
        <button type="button" className="transcript__jump button button--secondary button--small" onClick={scrollToEnd}>
          <span aria-hidden="true">↓</span> Jump to latest
        </button>
      )}
    </section>
  );
}

interface SegmentLineProps {
  seq: number;
  /** Who spoke, as the reader calls them ("You", "Interviewer", a name). */
  who: string;
  /** The `segment--…` modifiers that place and colour the line (the speaker's side, a question, …). */
  modifiers: string[];
  speaker: string;
  startMs: number;
  text: string;
  /** Words still being spoken: shown, and replaced when the segment ends. */
  partial: boolean;
  /** Test ids of a final and of a partial line. */
  testIds?: [string, string];
  /** A label after the time (the prompt's kind). */
  tag?: ReactNode;
}

/** One line of a live transcript: who, when, (what kind of prompt) and the words. */
export function SegmentLine({
  seq,
  who,
  modifiers,
  speaker,
  startMs,
  text,
  partial,
  testIds = ['segment', 'segment-partial'],
  tag,
}: SegmentLineProps) {
  const classes = ['segment', ...modifiers.map((m) => `segment--${m}`), ...(partial ? ['segment--partial'] : [])];
  return (
    <li
      className={classes.join(' ')}
      data-testid={partial ? testIds[1] : testIds[0]}
      data-speaker={speaker}
      data-seq={seq}
      aria-busy={partial || undefined}
    >
      <div className="segment__meta">
        <span className="segment__speaker">{who}</span>
        <time className="segment__time" dateTime={`PT${Math.floor(startMs / 1000)}S`}>
          {clock(startMs)}
        </time>
        {tag}
      </div>
      <p className="segment__text" data-testid="segment-text">
        {text}
      </p>
    </li>
  );
}
