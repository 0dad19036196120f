import type { Review } from '@mockroom/contracts';
import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../shared/api/client';
import { reviewsApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { shouldPollScores } from './review-logic';

const POLL_MS = 3_000;
const POLL_TIMES = 10;

/**
 * Loads an interview's review. Scores can land a little after the interview ends: while some answer has none
 * (right after the interview, or within a couple of minutes of its end) it looks again every few seconds, a few times.
 */
export function useReview(id: string, justFinished: boolean) {
  const resource = useResource(`review:${id}`, (signal) => reviewsApi.get(id, signal));
  const [polled, setPolled] = useState<{ id: string; review: Review } | null>(null);
  const [polling, setPolling] = useState(false);

  const review = polled && polled.id === id ? polled.review : resource.data;
  const shouldPoll = review ? shouldPollScores(review, justFinished, Date.now()) : false;

  useEffect(() => {
    if (!shouldPoll) return;
    const controller = new AbortController();
    let times = 0;
    let timer: ReturnType<typeof setTimeout>;
    setPolling(true);
    const again = () => {
      if (times < POLL_TIMES) timer = setTimeout(poll, POLL_MS);
      else setPolling(false);
    };
    const poll = () => {
      times++;
      reviewsApi.get(id, controller.signal).then(
        (next) => {
          setPolled({ id, review: next });
          if (next.questions.some((question) => question.answers.some((answer) => answer.scores === null))) again();
          else setPolling(false);
        },
        (error: unknown) => {
          if (!isAbortError(error)) again();
        },
      );
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
      setPolling(false);
    };
  }, [shouldPoll, id]);

  /** The review as an action returned it (a correction): shown at once, without loading it again. */
  const replace = useCallback((next: Review) => setPolled({ id, review: next }), [id]);

  return { status: resource.status, error: resource.error, reload: resource.reload, review, polling, replace };
}
