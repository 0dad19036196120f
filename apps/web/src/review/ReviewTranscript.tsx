import { CORRECTION_MAX_CHARS, type ReviewLine, type Speaker } from '@mockroom/contracts';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import './ReviewTranscript.css';
import { ApiError } from '../shared/api/client';
import { clock } from '../shared/format';
import { activeLineIndex } from './active-line';
import { splitHighlights } from './highlight-spans';
import type { Playback } from './playback';
import { groupLines } from './review-logic';
import { usePlaybackValue } from './use-playback';

interface ReviewTranscriptProps {
  /** Sorted by start. */
  lines: ReviewLine[];
  labels: Record<Speaker, string>;
  playback: Playback;
  /** There is a recording: lines seek it, and the line being played is highlighted. */
  seekable: boolean;
  /** A rubric point to show more strongly (hovered or focused in a question card). */
  emphasis: string | null;
  /** The owner corrects a misheard line of theirs (null for everyone else): resolves with what the scores did. */
  correct?: ((seq: number, text: string) => Promise<string>) | null;
}

/** After the reader scrolls the transcript themselves, it leaves the scrolling to them for this long. */
const USER_SCROLL_MS = 4_000;

/** The whole conversation, one scrollable list grouped by question; the line being played is highlighted. */
export function ReviewTranscript({
  lines,
  labels,
  playback,
  seekable,
  emphasis,
  correct = null,
}: ReviewTranscriptProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ seq: number; text: string } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const userScrolledAt = useRef(0);
  const groups = useMemo(() => groupLines(lines), [lines]);
  const active = usePlaybackValue(playback, (state) => (seekable ? activeLineIndex(lines, state.positionMs) : -1));
  // Selecting a line plays from there, as "Hear it" does: moving the position alone leaves the reader waiting.
  const seek = useCallback(
    (ms: number) => {
      playback.seek(ms);
      void playback.play();
    },
    [playback],
  );
  const previous = useRef(active);

  // Keeps the line being played in view, within the transcript only (never scrolling the page), unless the reader is scrolling.
  useEffect(() => {
    if (previous.current === active) return;
    previous.current = active;
    const container = scroller.current;
    if (active < 0 || !container || Date.now() - userScrolledAt.current < USER_SCROLL_MS) return;
    const line = container.querySelector<HTMLElement>(`[data-line-index="${active}"]`);
    if (line) scrollWithin(container, line);
  }, [active]);

  const noteUserScroll = () => {
    userScrolledAt.current = Date.now();
  };

  return (
    <section className="review-transcript card" aria-labelledby="review-transcript-heading">
      <div className="review-transcript__header">
        <h2 id="review-transcript-heading" className="review-transcript__title">
          Transcript
        </h2>
        {seekable && lines.length > 0 && <span className="review-transcript__hint">Select a line to hear it</span>}
      </div>
      <div
        ref={scroller}
        className="review-transcript__scroller"
        data-testid="review-transcript"
        tabIndex={0}
        role="region"
        aria-label="Transcript of the interview"
        onWheel={noteUserScroll}
        onTouchMove={noteUserScroll}
        onKeyDown={(event) => {
          if (event.target === event.currentTarget) noteUserScroll();
        }}
      >
        {lines.length === 0 ? (
          <p className="review-transcript__empty">Nothing was transcribed in this interview.</p>
        ) : (
          groups.map((group) => (
            <div key={group.key} className="review-transcript__group">
              <h3 className="review-transcript__divider">{group.label}</h3>
              <ol className="review-transcript__lines">
                {group.lines.map((line, i) => {
                  const index = group.offset + i;
                  return (
                    <li key={line.seq} className="review-transcript__item">
                      {editing === line.seq && correct ? (
                        <LineCorrection
                          line={line}
                          label={labels[line.speaker] ?? line.speaker}
                          correct={correct}
                          onDone={(text) => {
                            setEditing(null);
                            if (text !== null) setOutcome({ seq: line.seq, text });
                          }}
                        />
                      ) : (
                        <div className="review-line-row">
                          <TranscriptLine
                            line={line}
                            index={index}
                            label={labels[line.speaker] ?? line.speaker}
                            active={index === active}
                            emphasis={
                              emphasis !== null && line.highlights.some((h) => h.pointId === emphasis) ? emphasis : null
                            }
                            onSelect={seekable ? seek : null}
                          />
                          {correct && line.speaker === 'candidate' && (
                            <button
                              type="button"
                              className="review-line__fix"
                              data-testid="correct-line"
                              aria-label={`Correct what was heard at ${clock(line.startMs)}`}
                              title="Correct what was misheard"
                              onClick={() => {
                                setOutcome(null);
                                setEditing(line.seq);
                              }}
                            >
                              ✎
                            </button>
                          )}
                        </div>
                      )}
                      {line.heardAs && (
                        <p className="review-line__heard" data-testid="heard-as">
                          <span className="review-line__heard-label">Corrected · heard as</span> “{line.heardAs}”
                        </p>
                      )}
                      {outcome?.seq === line.seq && (
                        <p className="review-line__outcome" role="status" data-testid="correction-result">
                          {outcome.text}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ol>
            </div>
          ))
        )}
      </div>
    </section>
  );
}

interface LineProps {
  line: ReviewLine;
  index: number;
  label: string;
  active: boolean;
  /** The emphasised point, when this line covers it. */
  emphasis: string | null;
  onSelect: ((ms: number) => void) | null;
}

const TranscriptLine = memo(function TranscriptLine({ line, index, label, active, emphasis, onSelect }: LineProps) {
  const pieces = useMemo(() => splitHighlights(line.text, line.highlights), [line.text, line.highlights]);
  const className = `review-line review-line--${line.speaker}${active ? ' review-line--active' : ''}${onSelect ? ' review-line--seekable' : ''}`;
  const content = (
    <>
      <span className="review-line__meta">
        <span className="review-line__speaker">{label}</span>
        <span className="review-line__time">{clock(line.startMs)}</span>
      </span>
      <span className="review-line__text">
        {pieces.map((piece) =>
          piece.pointIds.length === 0 ? (
            <span key={piece.start}>{piece.text}</span>
          ) : (
            <mark
              key={piece.start}
              className={`review-mark${emphasis !== null && piece.pointIds.includes(emphasis) ? ' review-mark--strong' : ''}`}
              data-point-id={piece.pointIds[0]}
              data-point-ids={piece.pointIds.join(' ')}
            >
              {piece.text}
            </mark>
          ),
        )}
      </span>
    </>
  );
  const data = {
    'data-testid': 'review-line',
    'data-seq': line.seq,
    'data-speaker': line.speaker,
    'data-start-ms': line.startMs,
    'data-line-index': index,
    'aria-current': active ? ('true' as const) : undefined,
  };
  if (!onSelect) {
    return (
      <div className={className} {...data}>
        {content}
      </div>
    );
  }
  return (
    <button type="button" className={className} {...data} onClick={() => onSelect(line.startMs)}>
      {content}
    </button>
  );
});

/**
 * Correcting a misheard line: the whole line as it should read. Saving assesses the answer again, which takes a few
 * seconds; the line shows that it is being scored.
 */
function LineCorrection({
  line,
  label,
  correct,
  onDone,
}: {
  line: ReviewLine;
  label: string;
  correct: (seq: number, text: string) => Promise<string>;
  onDone: (outcome: string | null) => void;
}) {
  const [text, setText] = useState(line.text);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      onDone(await correct(line.seq, text));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : 'The correction could not be saved. Please try again.');
      setSaving(false);
    }
  };
  return (
    <form
      className="review-line review-line--candidate review-line--editing"
      data-testid="line-correction"
      onSubmit={(event) => void submit(event)}
      aria-busy={saving}
    >
      <label className="review-line__meta" htmlFor={`correction-${line.seq}`}>
        <span className="review-line__speaker">{label}</span>
        <span className="review-line__time">{clock(line.startMs)}</span>
        <span className="review-line__hint">
          Correct what was misheard; your answer is scored again. What was heard is kept.
        </span>
      </label>
      <textarea
        id={`correction-${line.seq}`}
        ref={field}
        className="review-line__input"
        value={text}
        maxLength={CORRECTION_MAX_CHARS}
        rows={Math.min(8, Math.max(2, Math.ceil(text.length / 70)))}
        disabled={saving}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !saving) onDone(null);
        }}
      />
      {error && (
        <p className="review-line__error" role="alert">
          {error}
        </p>
      )}
      <div className="review-line__actions">
        <button
          type="submit"
          className="button button--primary button--small"
          disabled={saving || text.trim() === '' || text.trim() === line.text}
        >
          {saving ? (
            <>
              <span className="spinner spinner--small" aria-hidden="true">
                <span className="spinner__circle" />
              </span>{' '}
              Scoring again…
            </>
          ) : (
            'Save correction'
          )}
        </button>
        <button type="button" className="button button--small" disabled={saving} onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Scrolls `container` just enough to show `element` (the page itself stays where it is). */
function scrollWithin(container: HTMLElement, element: HTMLElement): void {
  const box = container.getBoundingClientRect();
  const target = element.getBoundingClientRect();
  // Room at the top for the group's sticky heading.
  const top = 48;
  const bottom = 16;
  if (target.top < box.top + top) container.scrollTop += target.top - box.top - top;
  else if (target.bottom > box.bottom - bottom) container.scrollTop += target.bottom - box.bottom + bottom;
}
