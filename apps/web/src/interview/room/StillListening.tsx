import type { VoiceActivity } from '@mockroom/contracts';
import { useEffect, useRef } from 'react';
import './StillListening.css';

const RADIUS = 9;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

interface StillListeningProps {
  activity: VoiceActivity;
  /** `performance.now()` when the activity arrived. */
  receivedAt: number;
  /** The interview's silence that ends an answer, the ring's full circle. */
  silenceMs: number;
}

/**
 * The pause cue: the candidate has stopped talking and the answer will end if the silence goes on. A ring empties
 * gently over the remaining silence (drawn without React renders); no numbers, so it reads as "no rush".
 */
export function StillListening({ activity, receivedAt, silenceMs }: StillListeningProps) {
  const ring = useRef<SVGCircleElement>(null);
  const remainingAtReceipt = activity.answerEndsInMs ?? 0;
  const total = Math.max(silenceMs, remainingAtReceipt + activity.silenceMs, 1);

  useEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    let frame = 0;
    let timer: ReturnType<typeof setInterval> | null = null;
    const draw = () => {
      const remaining = Math.max(0, remainingAtReceipt - (performance.now() - receivedAt));
      const fraction = remaining / total;
      ring.current?.setAttribute('stroke-dashoffset', String(CIRCUMFERENCE * (1 - fraction)));
      return remaining > 0;
    };
    if (reduced) {
      // Calm steps instead of continuous motion.
      draw();
      timer = setInterval(() => {
        if (!draw() && timer) clearInterval(timer);
      }, 1_000);
    } else {
      const loop = () => {
        frame = draw() ? requestAnimationFrame(loop) : 0;
      };
      frame = requestAnimationFrame(loop);
    }
    return () => {
      if (frame) cancelAnimationFrame(frame);
      if (timer) clearInterval(timer);
    };
  }, [remainingAtReceipt, receivedAt, total]);

  return (
    <p
      className="still-listening"
      data-testid="still-listening"
      data-state={activity.listening?.state ?? 'unknown'}
      role="status"
    >
      <svg className="still-listening__ring" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle className="still-listening__track" cx="12" cy="12" r={RADIUS} />
        <circle
          ref={ring}
          className="still-listening__progress"
          cx="12"
          cy="12"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - remainingAtReceipt / total)}
          transform="rotate(-90 12 12)"
        />
      </svg>
      <span>{cueText(activity)}</span>
    </p>
  );
}

/** What the interviewer makes of the pause, in the candidate's terms. */
function cueText(activity: VoiceActivity): string {
  switch (activity.listening?.state) {
    case 'asked-for-time':
      return 'Take all the time you need. I’m listening.';
    case 'mid-thought':
      return 'Still listening… take your time';
    case 'done':
      return 'Sounds complete. Say more, or wait a moment to move on.';
    default:
      return 'Still listening…';
  }
}
