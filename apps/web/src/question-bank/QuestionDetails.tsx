import type { Question } from '@mockroom/contracts';
import type { ReactNode } from 'react';
import './QuestionDetails.css';
import { Chip } from '../shared/ui/Chip';
import { SampleAnswer } from './SampleAnswer';

function Section({
  id,
  title,
  children,
  intro,
}: {
  id: string;
  title: string;
  children: ReactNode;
  intro?: ReactNode;
}) {
  return (
    <section className="question-section" aria-labelledby={id}>
      <h2 id={id} className="question-section__title">
        {title}
      </h2>
      {intro && <p className="question-section__intro">{intro}</p>}
      {children}
    </section>
  );
}

function Prose({ text }: { text: string }) {
  return <p className="prose">{text}</p>;
}

function BulletList({ items, className = 'bullets' }: { items: string[]; className?: string }) {
  return (
    <ul className={className}>
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

const STAR_PARTS = [
  ['situation', 'Situation'],
  ['task', 'Task'],
  ['action', 'Action'],
  ['result', 'Result'],
] as const;

/** Everything the bank knows about a question, from what to cover to how the source scores its answer. */
export function QuestionDetails({ question }: { question: Question }) {
  return (
    <div className="question__body">
      {question.context && (
        <Section id="context" title="Context">
          <Prose text={question.context} />
        </Section>
      )}

      {question.whyAsked && (
        <Section id="why-asked" title="Why interviewers ask this">
          <Prose text={question.whyAsked} />
        </Section>
      )}

      {question.rubric.length > 0 && (
        <Section id="rubric" title="What a strong answer covers" intro="Your answer is scored against these points.">
          <ul className="checklist" data-testid="rubric">
            {question.rubric.map((point) => (
              <li key={point.id}>{point.text}</li>
            ))}
          </ul>
        </Section>
      )}

      {question.interviewerSignals.length > 0 && (
        <Section id="signals" title="What interviewers look for">
          <BulletList items={question.interviewerSignals} />
        </Section>
      )}

      {question.sampleAnswer && (
        <Section id="sample-answer" title="Sample answer">
          <SampleAnswer text={question.sampleAnswer} />
        </Section>
      )}

      {question.sourceScore && (
        <Section id="source-score" title="How the source scores its sample answer">
          <p className="score">
            <span className="score__value">{question.sourceScore.score}</span>
            <span className="score__out-of">/ {question.sourceScore.outOf}</span>
          </p>
          {question.sourceScore.reasons.length > 0 && <BulletList items={question.sourceScore.reasons} />}
        </Section>
      )}

      {question.answerFramework && (
        <Section id="framework" title="Answer framework">
          <Prose text={question.answerFramework} />
        </Section>
      )}

      {question.howToAnswer.length > 0 && (
        <Section id="how-to-answer" title="How to answer">
          <ol className="steps">
            {question.howToAnswer.map((step, index) => (
              <li key={index}>{step}</li>
            ))}
          </ol>
        </Section>
      )}

      {question.starExample && (
        <Section id="star" title="STAR example">
          <dl className="star">
            {STAR_PARTS.map(([key, label]) => (
              <div key={key} className="star__part">
                <dt>{label}</dt>
                <dd>{question.starExample?.[key]}</dd>
              </div>
            ))}
          </dl>
        </Section>
      )}

      {question.followUps.length > 0 && (
        <Section id="follow-ups" title="Follow-up questions">
          <BulletList items={question.followUps} />
        </Section>
      )}

      {question.commonMistakes.length > 0 && (
        <Section id="mistakes" title="Common mistakes">
          <BulletList items={question.commonMistakes} className="bullets bullets--warning" />
        </Section>
      )}

      {question.keyTerms.length > 0 && (
        <Section id="key-terms" title="Key terms">
          <ul className="chip-list">
            {question.keyTerms.map((term, index) => (
              <li key={index}>
                <Chip>{term}</Chip>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {question.referenceSolution && (
        <Section id="reference-solution" title="Reference solution">
          <figure className="code-block">
            <figcaption className="code-block__caption">{question.referenceSolution.language}</figcaption>
            <pre tabIndex={0} aria-label={`Reference solution in ${question.referenceSolution.language}`}>
              <code className={`language-${question.referenceSolution.language}`}>
                {question.referenceSolution.code}
              </code>
            </pre>
          </figure>
        </Section>
      )}
    </div>
  );
}
