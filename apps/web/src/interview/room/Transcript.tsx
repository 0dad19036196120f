import { memo, useMemo } from 'react';
import { promptKindLabel } from '../../shared/format';
import type { TranscriptLine } from '../../shared/live/transcript';
import { SegmentLine, TranscriptLog } from '../../shared/live/TranscriptLog';

interface TranscriptProps {
  lines: TranscriptLine[];
  questionCount: number;
  /** The candidate is talking right now (a line is on its way). */
  speaking: boolean;
}

/**
 * The live transcript, the centre of the room. It follows new lines unless the candidate scrolled up to read,
 * in which case a button offers to jump back to the latest.
 */
export const Transcript = memo(function Transcript({ lines, questionCount, speaking }: TranscriptProps) {
  const change = useMemo(() => [lines, speaking], [lines, speaking]);
  return (
    <TranscriptLog
      title="Transcript"
      hint="Appears as you speak"
      headingId="transcript-heading"
      label="Interview transcript"
      testId="transcript"
      empty="The conversation appears here, line by line, as it happens."
      change={change}
      hasLines={lines.length > 0}
    >
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
    </TranscriptLog>
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
  const question = line.prompt?.kind === 'question';
  const kind = line.prompt ? promptKindLabel(line.prompt.kind, line.prompt.questionIndex, questionCount) : null;
  return (
    <SegmentLine
      seq={line.seq}
      who={interviewer ? 'Interviewer' : 'You'}
      modifiers={question ? [line.speaker, 'question'] : [line.speaker]}
      speaker={line.speaker}
      startMs={line.startMs}
      text={line.text}
      partial={line.partial}
      tag={
        interviewer &&
        kind && <span className={`segment__kind${question ? ' segment__kind--question' : ''}`}>{kind}</span>
      }
    />
  );
});
