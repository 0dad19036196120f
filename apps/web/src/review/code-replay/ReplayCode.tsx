import type { CodeLanguage } from '@mockroom/contracts';
import { Suspense, type CSSProperties } from 'react';
// CodeMirror loads only when a review has code to replay (the editor is lazy in the coding feature).
import { CodeEditor } from '../../coding';

const ignore = () => undefined;

/** The code with its line numbers, while the editor loads. */
function NumberedCode({ code }: { code: string }) {
  return (
    <pre className="code-replay__plain">
      {code.split('\n').map((line, i) => (
        <span key={i} className="code-replay__plain-line">
          <span className="code-replay__plain-number" aria-hidden="true">
            {i + 1}
          </span>
          {line}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

/**
 * The code at the replay's moment, read-only, as tall as the question's longest version (so the page does not jump as
 * it plays). CodeMirror draws only the lines in view, so the exact text is also kept
 * in a hidden <pre> for anything that reads the page.
 */
export function ReplayCode({ code, language, lines }: { code: string; language: CodeLanguage; lines: number }) {
  return (
    <div
      className="code-replay__code"
      data-testid="code-replay-code"
      data-language={language}
      style={{ '--code-replay-lines': lines } as CSSProperties}
    >
      <Suspense fallback={<NumberedCode code={code} />}>
        <CodeEditor value={code} onChange={ignore} language={language} label="Replayed code" readOnly />
      </Suspense>
      <pre className="visually-hidden code-replay__text" data-testid="code-replay-text" aria-hidden="true">
        {code}
      </pre>
    </div>
  );
}
