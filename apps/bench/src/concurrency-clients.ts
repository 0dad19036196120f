/**
 * A child process of the concurrency benchmark (concurrency.bench.ts): simulated candidates, each with its own account,
 * interview and socket, streaming a loop of real speech in real time. Driven over IPC:
 *   in:  { type: 'add', count } → out: { type: 'added', total, failed } once the new candidates stream;  { type: 'stop' }
 *   out: { type: 'stats', ... } once a second (see ClientStats).
 * Arguments: <API base URL> <file of 16 kHz Int16 PCM to loop>.
 */
import { AUDIO_FRAME_SAMPLES } from '@mockroom/contracts';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { HttpSession, LiveSocket } from './support/candidate';
import { FramePacer, PacedStream } from './support/microphone';

/** What each client process reports once a second. */
export interface ClientStats {
  type: 'stats';
  candidates: number;
  framesSent: number;
  /** Frames sent more than one frame (20 ms) after they were due, and the worst lateness, over the second. */
  lateFrames: number;
  maxLateMs: number;
  /** Frame sent → the server's `audio:ack` for it, ms, every sample of the second. */
  ackRttMs: number[];
  errors: number;
  disconnects: number;
  cpuPercent: number;
  /** This process's own event-loop delay p99 over the second, ms. */
  loopP99Ms: number;
}

export type ClientCommand = { type: 'add'; count: number } | { type: 'stop' };

const QUESTION_ID = 'rest-vs-graphql';
/** Candidates set up at once per process (sign-up hashes a password: the API's slowest request). */
const SETUP_PARALLEL = 8;
const RING = 256;

const [baseUrl, pcmPath] = process.argv.slice(2);
const speech = new Int16Array(new Uint8Array(readFileSync(pcmPath)).buffer);
const pacer = new FramePacer();
const candidates: LoopingMicrophone[] = [];
let errors = 0;
let disconnects = 0;
let ackRtt: number[] = [];

/** Plays the speech loop from a random place, forever; remembers send times to time the server's acks. */
class LoopingMicrophone extends PacedStream {
  private position: number;
  private readonly sentAt = new Float64Array(RING);

  constructor(
    readonly live: LiveSocket,
    originAt: number,
  ) {
    super(live.socket, originAt);
    this.position = Math.floor(Math.random() * (speech.length / AUDIO_FRAME_SAMPLES)) * AUDIO_FRAME_SAMPLES;
    live.socket.on('audio:ack', ({ seq }) => {
      if (seq >= this.sent - RING) ackRtt.push(performance.now() - this.sentAt[seq % RING]);
    });
  }

  protected fill(frame: Int16Array): void {
    if (this.position + AUDIO_FRAME_SAMPLES > speech.length) this.position = 0;
    frame.set(speech.subarray(this.position, this.position + AUDIO_FRAME_SAMPLES));
    this.position += AUDIO_FRAME_SAMPLES;
  }

  protected override onSent(seq: number, _frame: Int16Array, at: number): void {
    this.sentAt[seq % RING] = at;
  }
}

async function addCandidate(): Promise<void> {
  const session = new HttpSession(baseUrl);
  await session.signUp('load');
  const id = await session.createInterview({
    questionIds: [QUESTION_ID],
    maxFollowUps: 0,
    answerSilenceMs: 30_000,
    voice: 'browser',
  });
  const live = new LiveSocket(baseUrl, session.cookieHeader());
  await live.connect();
  live.socket.on('error', () => errors++);
  await live.join(id);
  const prompt = live.next('prompt');
  await live.start();
  await prompt;
  await live.ack('audio:start', { streamId: `load-${randomBytes(6).toString('hex')}`, sampleRate: 16_000 });
  // Microphones start at random phases, as real ones do.
  const mic = new LoopingMicrophone(live, performance.now() + Math.random() * 20);
  candidates.push(mic);
  pacer.add(mic);
  // A dropped candidate stops streaming (the socket would buffer its frames) and is counted.
  live.socket.on('disconnect', () => {
    disconnects++;
    pacer.remove(mic);
  });
}

async function add(count: number): Promise<void> {
  let left = count;
  let failed = 0;
  const lane = async () => {
    while (left > 0) {
      left--;
      try {
        await addCandidate();
      } catch (error) {
        if (!failed++)
          console.error(`a candidate could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SETUP_PARALLEL, count) }, lane));
  process.send?.({ type: 'added', total: candidates.length, failed });
}

function reportEverySecond(): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let cpuBefore = process.cpuUsage();
  let before = performance.now();
  let framesBefore = 0;
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    let frames = 0;
    let late = 0;
    let maxLate = 0;
    for (const mic of candidates) {
      frames += mic.sent;
      late += mic.lateFrames;
      maxLate = Math.max(maxLate, mic.maxLateMs);
      mic.lateFrames = 0;
      mic.maxLateMs = 0;
    }
    const stats: ClientStats = {
      type: 'stats',
      candidates: candidates.length,
      framesSent: frames - framesBefore,
      lateFrames: late,
      maxLateMs: maxLate,
      ackRttMs: ackRtt,
      errors,
      disconnects,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / (now - before)) * 100,
      loopP99Ms: Math.max(0, loop.percentile(99) / 1e6 - 10),
    };
    process.send?.(stats);
    ackRtt = [];
    framesBefore = frames;
    cpuBefore = process.cpuUsage();
    before = now;
    loop.reset();
  }, 1000);
}

process.on('message', (command: ClientCommand) => {
  if (command.type === 'add') {
    add(command.count).catch((error: Error) => {
      console.error(`setting up candidates failed: ${error.stack ?? error.message}`);
      process.exit(1);
    });
  } else if (command.type === 'stop') {
    pacer.stop();
    for (const mic of candidates) mic.live.close();
    process.exit(0);
  }
});
// The benchmark process went away: so do its candidates.
process.on('disconnect', () => process.exit(0));
reportEverySecond();
