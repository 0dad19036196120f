import type { AudioStreamAccepted, InterviewSnapshot, Prompt, SocketError, TurnState } from '@mockroom/contracts';
import { LiveClient } from './live-client';
import { concatPcm, silence, speakSentences } from './speech-fixtures';

type Ack<T> = T | { error: SocketError };

/** What the interviewer says while the answer stays open. */
const ASIDES = new Set<Prompt['kind']>(['nudge', 'interjection']);

function ok<T>(reply: Ack<T>): T {
  if (reply && typeof reply === 'object' && 'error' in reply) throw new Error(reply.error.message);
  return reply as T;
}

export interface SpokenInterviewOptions {
  /** The questions, in order; one spoken answer each (flite speaks them). */
  questionIds: string[];
  answers: string[];
  /** Times faster than real time the audio is sent (the server keeps time by the audio, so answers end alike). */
  speed?: number;
}

/**
 * Takes a whole AI interview through the real pipeline as a candidate would: creates it, joins the live room,
 * answers every question aloud (synthesised speech, 20 ms frames), and waits until the interview completes.
 * `cookie` is a signed-in candidate's session cookie. Returns the interview's id and its final snapshot.
 */
export async function takeSpokenInterview(
  baseUrl: string,
  cookie: string,
  create: (body: Record<string, unknown>) => Promise<{ id: string }>,
  options: SpokenInterviewOptions,
): Promise<{ id: string; snapshot: InterviewSnapshot }> {
  const { id } = await create({ questionIds: options.questionIds, maxFollowUps: 0, answerSilenceMs: 2000 });
  const live = new LiveClient(baseUrl, cookie);
  await live.connect();
  try {
    ok(await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id));
    ok(await live.emitAck<Ack<TurnState>>('interview:start'));
    ok(
      await live.emitAck<Ack<AudioStreamAccepted>>('audio:start', {
        streamId: `spoken-${Date.now()}`,
        sampleRate: 16_000,
      }),
    );
    let seq = 0;
    for (const [index, answer] of options.answers.entries()) {
      // A question taken back because the candidate went on with the answer before is asked again later.
      const taken = new Set(live.all('prompt:withdrawn').map((w) => w.seq));
      const prompt = (await live.waitFor(
        'prompt',
        (p) => p.kind === 'question' && p.questionIndex === index && !taken.has(p.seq),
        90_000,
      )) as Prompt;
      // The microphone hears silence while the interviewer's voice plays; then the candidate answers.
      const voice = (await live.waitFor('prompt:audio', (a) => a.seq === prompt.seq, 30_000)) as {
        audioDurationMs: number;
      };
      const speed = options.speed ?? 3;
      seq = await live.streamPcm(silence(voice.audioDurationMs), { speed, fromSeq: seq });
      live.socket.emit('prompt:played', prompt.seq);
      seq = await live.streamPcm(concatPcm(silence(400), speakSentences(answer)), { speed, fromSeq: seq });
      const spokeAt = Date.now();
      seq = await live.streamPcm(silence(2600), { speed, fromSeq: seq });
      // The pauses between its sentences are not the end: nothing may move on before the last words were sent. The
      // interviewer may begin at such a pause, as people do, if it takes that prompt back when the candidate goes on.
      const withdrawn = () =>
        new Set(
          live.received.filter((r) => r.event === 'prompt:withdrawn').map((r) => (r.args[0] as { seq: number }).seq),
        );
      const stands = (p: Prompt) => p.seq > prompt.seq && !withdrawn().has(p.seq);
      const early = live.received.find(
        (r) =>
          r.at < spokeAt &&
          (r.event === 'interview:completed' || (r.event === 'prompt' && stands(r.args[0] as Prompt))),
      );
      if (early)
        throw new Error(
          `answer ${index + 1} was taken as finished between two of its sentences (${early.event} came ${spokeAt - early.at} ms before its last words)`,
        );
      // The microphone stays open, as a real one does, until the interviewer moves on (it may nudge first).
      const movedOn = () =>
        live.received.some(
          (r) =>
            r.event === 'interview:completed' ||
            (r.event === 'prompt' && stands(r.args[0] as Prompt) && !ASIDES.has((r.args[0] as Prompt).kind)),
        );
      for (let heardMs = 0; !movedOn() && heardMs < 60_000; heardMs += 200)
        seq = await live.streamPcm(silence(200), { speed: 1, fromSeq: seq });
    }
    await live.waitFor('interview:completed', () => true, 120_000);
    // The last answer's assessment lands on its own schedule: wait until every answer is scored.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const snapshot = (await live.emitAck<Ack<InterviewSnapshot>>('interview:join', id)) as InterviewSnapshot;
      if ((snapshot.answers.length && snapshot.answers.every((a) => a.scores !== null)) || Date.now() > deadline)
        return { id, snapshot };
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    live.close();
  }
}
