import { useCallback, useEffect, useRef, useState } from 'react';
import './MicCheck.css';
import { MicCapture, type MicState } from '../../shared/audio/mic-capture';
import { LevelMeter } from '../../shared/ui/LevelMeter';

export type MicCheckResult = 'pending' | 'heard' | 'skipped';

interface MicCheckProps {
  result: MicCheckResult;
  onResult: (result: MicCheckResult) => void;
}

/** Level at which we say "we can hear you", held for a moment so a click doesn't count. */
const HEARD_LEVEL = 0.3;
const HEARD_FRAMES = 8;

/** Before an interview: ask for the microphone, show its level, and explain any problem plainly. */
export function MicCheck({ result, onResult }: MicCheckProps) {
  const [mic, setMic] = useState<MicState>({ status: 'idle', problem: null, deviceRate: null });
  const capture = useRef<MicCapture | null>(null);
  const listeners = useRef(new Set<(level: number, raw: number) => void>());
  const loudFrames = useRef(0);
  const resultRef = useRef(result);
  resultRef.current = result;

  const stop = useCallback(() => {
    capture.current?.stop();
    capture.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = () => {
    stop();
    loudFrames.current = 0;
    if (resultRef.current === 'skipped') onResult('pending');
    const next = new MicCapture({
      onStateChange: setMic,
      onFrame: (_pcm, level) => {
        listeners.current.forEach((listener) => listener(level, level));
        loudFrames.current = level >= HEARD_LEVEL ? loudFrames.current + 1 : Math.max(0, loudFrames.current - 1);
        if (loudFrames.current >= HEARD_FRAMES && resultRef.current === 'pending') onResult('heard');
      },
    });
    capture.current = next;
    void next.start();
  };

  const skip = () => {
    stop();
    setMic({ status: 'idle', problem: null, deviceRate: null });
    onResult('skipped');
  };

  const subscribe = useCallback((listener: (level: number, raw: number) => void) => {
    listeners.current.add(listener);
    return () => listeners.current.delete(listener);
  }, []);

  const active = mic.status === 'running' || mic.status === 'starting' || mic.status === 'suspended';

  return (
    <div className="mic-check card">
      {result === 'skipped' ? (
        <div className="mic-check__row">
          <p className="mic-check__status">
            Mic check skipped. You can still check it in the interview room before you start.
          </p>
          <button type="button" className="button button--secondary button--small" onClick={start}>
            Check microphone
          </button>
        </div>
      ) : (
        <>
          {mic.status === 'error' && mic.problem ? (
            <div className="mic-check__problem" role="alert">
              <p className="mic-check__problem-title">{mic.problem.title}</p>
              <p>{mic.problem.help}</p>
            </div>
          ) : active ? (
            <div className="mic-check__live">
              <LevelMeter subscribe={subscribe} label="Microphone level" testId="mic-check-level" />
              <p className="mic-check__status" role="status">
                {mic.status === 'starting' ? (
                  'Starting your microphone…'
                ) : mic.status === 'suspended' ? (
                  <>
                    Your browser paused audio.{' '}
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => void capture.current?.resume()}
                    >
                      Turn audio on
                    </button>
                  </>
                ) : result === 'heard' ? (
                  <span className="mic-check__ok">
                    <span aria-hidden="true">✓ </span>We can hear you. You're ready.
                  </span>
                ) : (
                  'Speak to test your microphone'
                )}
              </p>
            </div>
          ) : (
            <p className="mic-check__intro">
              You'll answer out loud, so check your microphone first. Your browser will ask for permission; nothing is
              recorded until the interview starts.
            </p>
          )}
          <div className="mic-check__actions">
            {!active && (
              <button type="button" className="button button--secondary" onClick={start}>
                {mic.status === 'error' ? 'Try again' : 'Check microphone'}
              </button>
            )}
            {result !== 'heard' && (
              <button type="button" className="button button--ghost" onClick={skip}>
                Skip mic check
              </button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
