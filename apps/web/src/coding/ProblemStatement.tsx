import type { CodingTaskView } from '@mockroom/contracts';
import { Fragment, memo, useMemo } from 'react';
import { inlineSpans, statementBlocks } from './statement';

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineSpans(text).map((span, index) =>
        span.code ? <code key={index}>{span.text}</code> : <Fragment key={index}>{span.text}</Fragment>,
      )}
    </>
  );
}

/** The task as the candidate reads it: the statement, the example tests, and how many hidden ones there are. */
export const ProblemStatement = memo(function ProblemStatement({ task }: { task: CodingTaskView }) {
  const blocks = useMemo(() => statementBlocks(task.statement), [task.statement]);
  return (
    <div className="problem">
      <div className="problem__statement">
        {blocks.map((block, index) =>
          block.kind === 'paragraph' ? (
            <p key={index}>
              <Inline text={block.text} />
            </p>
          ) : (
            <ul key={index} className="bullets">
              {block.items.map((item, i) => (
                <li key={i}>
                  <Inline text={item} />
                </li>
              ))}
            </ul>
          ),
        )}
      </div>
      {task.examples.length > 0 && (
        <details className="problem__examples">
          <summary>
            Examples ({task.examples.length}){task.hiddenCount > 0 && ` · ${task.hiddenCount} hidden tests on Submit`}
          </summary>
          <ul className="problem__example-list">
            {task.examples.map((example) => (
              <li key={example.name} className="problem__example">
                <p className="problem__example-name">{example.name}</p>
                <dl className="code-facts">
                  <dt>Input</dt>
                  <dd>
                    <pre>{example.input}</pre>
                  </dd>
                  <dt>Expected</dt>
                  <dd>
                    <pre>{example.expected}</pre>
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
});
