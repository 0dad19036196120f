/**
 * The candidate's outgoing audio frames: numbered from 0 within a stream, the last `capacity` kept so that
 * after a dropped connection they can be sent again from wherever the server says it got to.
 */
export class FrameOutbox {
  readonly capacity: number;
  private readonly frames: (ArrayBuffer | undefined)[];
  /** Sequence number the next pushed frame gets. */
  private next = 0;
  /** The next frame to hand to the transport. */
  private cursor = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.frames = new Array<ArrayBuffer | undefined>(capacity);
  }

  /** Sequence number of the next frame to be pushed (= frames pushed so far). */
  get nextSeq(): number {
    return this.next;
  }

  /** The oldest frame still kept. */
  get oldestSeq(): number {
    return Math.max(0, this.next - this.capacity);
  }

  /** The next frame `drain` would send. */
  get sendCursor(): number {
    return this.cursor;
  }

  push(pcm: ArrayBuffer): number {
    const seq = this.next++;
    this.frames[seq % this.capacity] = pcm;
    // Frames older than what is kept can never be sent: skip them rather than stall.
    if (this.cursor < this.oldestSeq) this.cursor = this.oldestSeq;
    return seq;
  }

  /** Sends from `seq` next time (the server's `nextSeq` after audio:start), within what is still kept. */
  rewindTo(seq: number): void {
    this.cursor = Math.min(this.next, Math.max(this.oldestSeq, Math.floor(seq)));
  }

  /** Hands every frame not yet sent to `send`, in order; returns how many. */
  drain(send: (seq: number, pcm: ArrayBuffer) => void): number {
    let count = 0;
    while (this.cursor < this.next) {
      const seq = this.cursor++;
      const pcm = this.frames[seq % this.capacity];
      if (pcm) {
        send(seq, pcm);
        count++;
      }
    }
    return count;
  }
}
