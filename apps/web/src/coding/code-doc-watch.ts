import type { CodeSync } from '@mockroom/contracts';
import * as Y from 'yjs';
import { CodeDocHolder, REMOTE_ORIGIN, toBytes, type CodeDocState } from './code-doc';

interface ReceivedSync {
  epoch: string;
  update: Uint8Array;
}

/**
 * The candidate's editor of one question as the interviewer of a session watches it: the server's document, then each
 * edit it passes on (`code:sync`). An edit of another copy (epoch) is that copy whole and replaces the local one.
 */
export class CodeDocWatch extends CodeDocHolder {
  private unsubscribe: (() => void) | null = null;
  /** Edits that came while the document was being loaded: applied to it once it is in, if of the same copy. */
  private early: ReceivedSync[] = [];

  open(): void {
    if (this.unsubscribe || this.closed) return;
    this.unsubscribe = this.channel.onSync((sync) => this.receive(sync));
  }

  override close(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    super.close();
  }

  protected override liveChanged(live: boolean): void {
    if (live) this.early = [];
  }

  protected override loaded(doc: Y.Doc): Partial<CodeDocState> {
    const early = this.early;
    this.early = [];
    for (const sync of early) if (sync.epoch === this.epoch) Y.applyUpdate(doc, sync.update, REMOTE_ORIGIN);
    return {};
  }

  private receive(sync: CodeSync): void {
    if (sync.questionId !== this.questionId || this.closed || typeof sync.epoch !== 'string' || !sync.update) return;
    const received = { epoch: sync.epoch, update: toBytes(sync.update) };
    if (this.loading) {
      this.early.push(received);
      return;
    }
    try {
      if (!this.doc || received.epoch !== this.epoch) this.replace(received.epoch, received.update, null);
      else Y.applyUpdate(this.doc, received.update, REMOTE_ORIGIN);
    } catch {
      void this.load();
      return;
    }
    // An edit built on one this copy never got (missed while away): load the whole document again.
    const store = this.doc?.store;
    if (store && (store.pendingStructs !== null || store.pendingDs !== null)) void this.load();
  }
}
