import { useEffect, useRef } from 'react';
import './LevelMeter.css';

export type LevelSubscribe = (listener: (level: number, raw: number) => void) => () => void;

interface LevelMeterProps {
  subscribe: LevelSubscribe;
  label?: string;
  muted?: boolean;
  size?: 'small' | 'large';
  testId?: string;
}

/**
 * The live microphone level. Levels arrive ~50 times a second: the bar is drawn straight into the DOM once per
 * animation frame (no React render), falling back gently so it reads as a meter rather than a flicker.
 */
export function LevelMeter({
  subscribe,
  label = 'Microphone level',
  muted = false,
  size = 'large',
  testId,
}: LevelMeterProps) {
  const root = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let latest = 0;
    let shown = 0;
    let frame = 0;
    let lastTime = 0;
    let lastAria = 0;
    const draw = (time: number) => {
      frame = 0;
      const dt = lastTime ? Math.min(100, time - lastTime) : 16;
      lastTime = time;
      // Rise at once, fall ~1.2 per second.
      shown = latest >= shown ? latest : Math.max(latest, shown - dt * 0.0012);
      const element = root.current;
      if (fill.current) fill.current.style.transform = `scaleX(${shown.toFixed(3)})`;
      if (element) {
        element.dataset.level = shown.toFixed(3);
        if (time - lastAria > 500) {
          element.setAttribute('aria-valuenow', String(Math.round(shown * 100)));
          lastAria = time;
        }
      }
      if (shown > 0.001) frame = requestAnimationFrame(draw);
      else lastTime = 0;
    };
    const unsubscribe = subscribe((level) => {
      latest = level;
      if (!frame) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [subscribe]);

  return (
    <div
      ref={root}
      className={`level-meter level-meter--${size}${muted ? ' level-meter--muted' : ''}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={0}
      data-level="0"
      data-testid={testId}
    >
      <span className="level-meter__track" aria-hidden="true">
        <span ref={fill} className="level-meter__fill" />
      </span>
    </div>
  );
}
