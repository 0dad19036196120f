import './SessionTranscript.css';
import type { ShownSegment } from '../shared/live/transcript';
import { memo } from 'react';
import { promptKindLabel } from '../shared/format';
import { SegmentLine, TranscriptLog } from '../shared/live/TranscriptLog';
import { speakerLabel, type ConsoleLine, type SessionNames } from './session-logic';

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
  return (
    <TranscriptLog
      title="Transcript"
      hint="Both voices, as they speak"
      headingId="console-transcript-heading"
      label="Session transcript"
      testId="console-transcript"
      empty="What you both say appears here, line by line."
      change={lines}
      className="console-transcript"
      hasLines={lines.length > 0}
    >
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
          <SegmentLine
            key={`s${line.seq}`}
            seq={line.seq}
            who={speakerLabel(line.speaker, 'interviewer', names)}
            modifiers={[line.speaker === 'interviewer' ? 'own' : 'other']}
            speaker={line.speaker}
            startMs={line.startMs}
            text={line.text}
            partial={line.partial}
            testIds={['console-segment', 'console-segment-partial']}
          />
        ),
      )}
    </TranscriptLog>
  );
});

/** The candidate's transcript: their own words only. */
export const CandidateTranscript = memo(function CandidateTranscript({ segments }: { segments: ShownSegment[] }) {
  return (
    <TranscriptLog
      title="Your answers"
      hint="Appears as you speak"
      headingId="session-transcript-heading"
      label="Your transcript"
      testId="transcript"
      empty="What you say appears here, line by line."
      change={segments}
      className="session-room__transcript"
      hasLines={segments.length > 0}
    >
      {segments.map((segment) => (
        <SegmentLine
          key={segment.seq}
          seq={segment.seq}
          who="You"
          modifiers={['candidate']}
          speaker={segment.speaker}
          startMs={segment.startMs}
          text={segment.text}
          partial={segment.partial === true}
        />
      ))}
    </TranscriptLog>
  );
});
