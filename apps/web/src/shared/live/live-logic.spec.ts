import { describe, expect, it } from '@jest/globals';
import type { PartialTranscript, Prompt, TranscriptSegment } from '@mockroom/contracts';
import { AudioUplink, audioLostMessage } from './audio-uplink';
import { FrameOutbox } from './frame-outbox';
import { transcriptLines, upsertPartial, upsertSegment, withoutPartial, withPartials } from './transcript';

const frame = (n: number) => new Uint8Array([n]).buffer;
const sent = (outbox: FrameOutbox) => {
  const seqs: number[] = [];
  outbox.drain((seq) => seqs.push(seq));
  return seqs;
};

describe('FrameOutbox', () => {
  it('numbers frames from 0 and sends each once', () => {
    const outbox = new FrameOutbox(10);
    outbox.push(frame(0));
    outbox.push(frame(1));
    expect(sent(outbox)).toEqual([0, 1]);
    outbox.push(frame(2));
    expect(sent(outbox)).toEqual([2]);
    expect(sent(outbox)).toEqual([]);
  });

  it('resends from where the server got to after a reconnect, without gaps or repeats', () => {
    const outbox = new FrameOutbox(10);
    for (let i = 0; i < 6; i++) outbox.push(frame(i));
    expect(sent(outbox)).toEqual([0, 1, 2, 3, 4, 5]);
    // The connection dropped after the server had 0–3; two more frames were captured meanwhile.
    outbox.push(frame(6));
    outbox.push(frame(7));
    outbox.rewindTo(4);
    expect(sent(outbox)).toEqual([4, 5, 6, 7]);
  });

  it('keeps only the last `capacity` frames', () => {
    const outbox = new FrameOutbox(5);
    for (let i = 0; i < 12; i++) outbox.push(frame(i));
    expect(outbox.oldestSeq).toBe(7);
    outbox.rewindTo(0);
    expect(sent(outbox)).toEqual([7, 8, 9, 10, 11]);
  });

  it('never rewinds past what it has pushed', () => {
    const outbox = new FrameOutbox(5);
    outbox.push(frame(0));
    outbox.rewindTo(40);
    expect(outbox.sendCursor).toBe(1);
    expect(sent(outbox)).toEqual([]);
  });
});

describe('AudioUplink', () => {
  /** A connected socket whose audio:start answers with the server's next frame, and that keeps what was sent. */
  function fakeSocket(nextSeq: () => number) {
    const frames: number[] = [];
    const socket = {
      connected: true,
      timeout: () => ({ emitWithAck: async () => ({ streamId: 'x', nextSeq: nextSeq() }) }),
      emit: (_event: string, seq: number) => frames.push(seq),
    };
    return { socket, frames };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('resends from where the server got to, and says how much audio was lost when that is no longer kept', async () => {
    let serverAt = 0;
    const { socket, frames } = fakeSocket(() => serverAt);
    const lost: number[] = [];
    const uplink = new AudioUplink({
      socket: () => socket as never,
      mayStream: () => true,
      onEnded: () => undefined,
      onRefused: () => undefined,
      onAudioLost: (ms) => lost.push(ms),
    });
    for (let i = 0; i < 10; i++) uplink.push(frame(i));
    await settle();
    uplink.push(frame(10));
    expect(frames).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lost).toEqual([]);

    // Reconnected, the server had frames up to 5: 6… are sent again, nothing is lost.
    uplink.reset();
    serverAt = 6;
    frames.length = 0;
    uplink.ensure();
    await settle();
    expect(frames).toEqual([6, 7, 8, 9, 10]);
    expect(lost).toEqual([]);

    // Offline for longer than the outbox keeps (500 frames): the server is far behind, and the candidate is told.
    uplink.reset();
    serverAt = 11;
    for (let i = 11; i < 811; i++) uplink.push(frame(i));
    await settle();
    expect(lost).toEqual([(311 - 11) * 20]);
    expect(audioLostMessage(lost[0])).toMatch(/About 6 seconds of your audio did not reach/);
    uplink.close();
  });
});

const segment = (
  seq: number,
  text: string,
  speaker: TranscriptSegment['speaker'] = 'candidate',
): TranscriptSegment => ({
  seq,
  speaker,
  text,
  startMs: seq * 1000,
  endMs: seq * 1000 + 500,
  questionId: null,
  answerId: null,
  engine: null,
});

describe('transcript', () => {
  it('inserts segments by seq and ignores duplicates', () => {
    let segments = upsertSegment([], segment(2, 'b'));
    segments = upsertSegment(segments, segment(1, 'a'));
    segments = upsertSegment(segments, segment(3, 'c'));
    const same = upsertSegment(segments, segment(2, 'b'));
    expect(same).toBe(segments);
    expect(segments.map((s) => s.seq)).toEqual([1, 2, 3]);
  });

  it('shows prompts the server sent no segment for, once', () => {
    const prompt: Prompt = {
      seq: 0,
      kind: 'question',
      questionId: 'q',
      questionIndex: 0,
      text: 'Q?',
      atMs: 0,
      audioUrl: null,
      audioDurationMs: null,
    };
    const followUp: Prompt = { ...prompt, seq: 2, kind: 'follow-up', text: 'And?' };
    const lines = transcriptLines([segment(0, 'Q?', 'interviewer'), segment(1, 'answer')], [prompt, followUp]);
    expect(lines.map((l) => [l.seq, l.speaker, l.text])).toEqual([
      [0, 'interviewer', 'Q?'],
      [1, 'candidate', 'answer'],
      [2, 'interviewer', 'And?'],
    ]);
    expect(lines[0].prompt?.kind).toBe('question');
  });
});

describe('words while they are spoken', () => {
  const final = (seq: number, text: string): TranscriptSegment => ({
    seq,
    speaker: 'candidate',
    text,
    startMs: seq * 1000,
    endMs: seq * 1000 + 900,
    questionId: 'q',
    answerId: 'a',
    engine: 'pocketsphinx',
  });
  const partial = (seq: number, text: string): PartialTranscript => ({
    seq,
    speaker: 'candidate',
    text,
    startMs: seq * 1000,
    questionId: 'q',
    answerId: 'a',
  });

  it('shows the latest words of a segment being spoken until its final text replaces them', () => {
    let partials = upsertPartial([], partial(3, 'we keep'), []);
    partials = upsertPartial(partials, partial(3, 'we keep the token'), []);
    expect(partials).toEqual([partial(3, 'we keep the token')]);
    const shown = withPartials([final(2, 'first sentence')], partials);
    expect(shown.map((s) => [s.seq, s.text, s.partial === true])).toEqual([
      [2, 'first sentence', false],
      [3, 'we keep the token', true],
    ]);
    expect(transcriptLines(shown, []).map((l) => l.partial)).toEqual([false, true]);
    // The final text arrives: the partial goes, and a late partial of the same segment is ignored.
    const finals = [final(2, 'first sentence'), final(3, 'we keep the token in a cookie')];
    partials = withoutPartial(partials, 3);
    expect(partials).toEqual([]);
    expect(upsertPartial(partials, partial(3, 'we keep the'), finals)).toBe(partials);
    expect(withPartials(finals, partials).every((s) => !s.partial)).toBe(true);
  });
});
