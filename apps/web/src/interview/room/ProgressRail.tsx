import type { Prompt, TurnState } from '@mockroom/contracts';
import { memo } from 'react';
import './ProgressRail.css';

interface ProgressRailProps {
  turn: TurnState;
  prompts: Prompt[];
  started: boolean;
  completed?: boolean;
}

/** The interview's questions, in order: done, current (with its follow-ups so far), still to come. */
export const ProgressRail = memo(function ProgressRail({
  turn,
  prompts,
  started,
  completed = false,
}: ProgressRailProps) {
  const count = Math.max(turn.questionCount, 0);
  const firstPrompt = new Map<number, Prompt>();
  for (const prompt of prompts) {
    if (prompt.kind === 'question' && !firstPrompt.has(prompt.questionIndex))
      firstPrompt.set(prompt.questionIndex, prompt);
  }
  return (
    <nav className="progress-rail" aria-label="Interview progress">
      <h2 className="progress-rail__title">Questions</h2>
      <ol className="progress-rail__list">
        {Array.from({ length: count }, (_, index) => {
          const state =
            completed || (started && index < turn.questionIndex)
              ? 'done'
              : started && index === turn.questionIndex && turn.phase !== 'done'
                ? 'current'
                : 'upcoming';
          const prompt = firstPrompt.get(index);
          return (
            <li
              key={index}
              className={`progress-step progress-step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="progress-step__marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="progress-step__body">
                <span className="progress-step__label">
                  Question {index + 1}
                  <span className="visually-hidden">
                    {state === 'done' ? ' (done)' : state === 'current' ? ' (current)' : ''}
                  </span>
                </span>
                {prompt && <span className="progress-step__text">{prompt.text}</span>}
                {state === 'current' && turn.followUpsAsked > 0 && (
                  <span className="progress-step__follow-ups">
                    {turn.followUpsAsked === 1 ? '1 follow-up' : `${turn.followUpsAsked} follow-ups`}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
