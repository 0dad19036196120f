import type { CodeLanguage } from '@mockroom/contracts';
import { Spinner } from '../shared/ui/Spinner';
import type { CodeDocState } from './code-doc';
import { CodeEditor } from './CodeEditor';

export interface DocEditorProps {
  doc: CodeDocState;
  language: CodeLanguage;
  label: string;
  readOnly?: boolean;
  markedLine?: number | null;
  onLineNumberClick?: (line: number) => void;
  onRetry(): void;
}

/** The editor of a shared document once it is loaded; until then, where the loading stands. */
export function DocEditor({ doc, language, label, readOnly, markedLine, onLineNumberClick, onRetry }: DocEditorProps) {
  if (doc.text) {
    return (
      <CodeEditor
        text={doc.text}
        undoManager={readOnly ? null : doc.undoManager}
        language={language}
        label={label}
        readOnly={readOnly}
        markedLine={markedLine}
        onLineNumberClick={onLineNumberClick}
      />
    );
  }
  if (doc.status === 'failed') {
    return (
      <div className="code-panel__placeholder" role="alert">
        <p>The code couldn’t be loaded.</p>
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="code-panel__placeholder">
      <Spinner label="Loading the code…" />
    </div>
  );
}
