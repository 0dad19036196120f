import type { CodeLanguage } from '@mockroom/contracts';
import { indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { python } from '@codemirror/lang-python';
import { HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language';
import {
  Compartment,
  EditorSelection,
  EditorState,
  Prec,
  StateEffect,
  StateField,
  type Extension,
} from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, type DecorationSet } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import type * as Y from 'yjs';
import './CodeEditor.css';

interface BaseProps {
  language: CodeLanguage;
  label?: string;
  readOnly?: boolean;
  /** A line to point at (1-based), e.g. the one an interviewer asks about; null for none. */
  markedLine?: number | null;
  /** Clicking a line number gives its line (1-based), e.g. to point at it. */
  onLineNumberClick?: (line: number) => void;
}

/** Controlled: `value` in, `onChange` out (also a read-only view of some text, e.g. a replay). */
export interface PlainEditorProps extends BaseProps {
  value: string;
  onChange?: (value: string) => void;
  text?: undefined;
  undoManager?: undefined;
}

/** Bound to a shared text: typing goes into it, and its other changes (the server's, a language switch) show at once. */
export interface SharedEditorProps extends BaseProps {
  text: Y.Text;
  /** Undo of this browser's typing; none for a read-only watcher. */
  undoManager?: Y.UndoManager | null;
  value?: undefined;
  onChange?: undefined;
}

export type CodeEditorProps = PlainEditorProps | SharedEditorProps;

function languageSupport(language: CodeLanguage): Extension {
  if (language === 'python') return [python(), indentUnit.of('    ')];
  return [javascript({ typescript: language === 'typescript' }), indentUnit.of('  ')];
}

/** Colours from the page's stylesheet (CodeEditor.css), so they follow the light and dark themes. */
const highlight = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: 'var(--code-keyword)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp, tags.escape], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--code-number)' },
  { tag: tags.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
  {
    tag: [
      tags.function(tags.variableName),
      tags.function(tags.propertyName),
      tags.definition(tags.function(tags.variableName)),
    ],
    color: 'var(--code-function)',
  },
  { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--code-type)' },
  { tag: [tags.propertyName, tags.attributeName], color: 'var(--code-property)' },
  { tag: tags.invalid, color: 'var(--color-danger)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--code-editor-bg)', color: 'var(--color-text)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { caretColor: 'var(--color-text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--code-gutter-bg)',
    color: 'var(--color-text-muted)',
    borderRight: '1px solid var(--color-border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)', color: 'var(--color-text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--code-selection)',
  },
  '.cm-marked-line': { backgroundColor: 'var(--code-marked-line)', boxShadow: 'inset 3px 0 var(--color-warning-text)' },
});

/** Points at one line (1-based) of the editor, or at none. */
export const markLineEffect = StateEffect.define<number | null>();

const markedLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(markLineEffect)) continue;
      const line = effect.value;
      const doc = transaction.state.doc;
      next =
        line !== null && line >= 1 && line <= doc.lines
          ? Decoration.set([Decoration.line({ class: 'cm-marked-line' }).range(doc.line(line).from)])
          : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Marks `line` in a live editor and scrolls it into view (null clears the mark). */
export function markLine(view: EditorView, line: number | null): void {
  const doc = view.state.doc;
  const target = line !== null && line >= 1 && line <= doc.lines ? doc.line(line).from : null;
  view.dispatch({
    effects: [
      markLineEffect.of(line),
      ...(target !== null ? [EditorView.scrollIntoView(target, { y: 'center' })] : []),
    ],
  });
}

/** The shared text's binding, with undo of the local typing taking the usual keys before CodeMirror's own history. */
function sharedText(text: Y.Text, undoManager: Y.UndoManager | null): Extension {
  return [
    yCollab(text, null, { undoManager: undoManager ?? false }),
    ...(undoManager ? [Prec.high(keymap.of(yUndoManagerKeymap))] : []),
  ];
}

/**
 * A CodeMirror editor, either controlled from outside (`value` in, `onChange` out) or bound to a shared Yjs text
 * (`text`). The view is made once. A `value` that is not the editor's own last text (another language's code, a
 * restored draft) replaces the document; so does another `text` (a document loaded again).
 */
export function CodeEditor(props: CodeEditorProps) {
  const { language, label = 'Code editor', readOnly = false, markedLine = null, onLineNumberClick } = props;
  const value = props.text ? null : props.value;
  const text = props.text ?? null;
  const undoManager = props.undoManager ?? null;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  /** The text the editor last reported or was given: a `value` equal to it is the editor's own echo. */
  const known = useRef(value);
  const handlers = useRef({ onChange: props.onChange, onLineNumberClick });
  const compartments = useRef({ language: new Compartment(), readOnly: new Compartment(), label: new Compartment() });
  const latest = useRef({ value, text, undoManager, language, label, readOnly, markedLine });
  latest.current = { value, text, undoManager, language, label, readOnly, markedLine };

  useLayoutEffect(() => {
    handlers.current = { onChange: props.onChange, onLineNumberClick };
  });

  /** The settings the view has, so that only a real change reconfigures it (a new language re-parses the code). */
  const applied = useRef({ language, readOnly, label, text, undoManager });

  const createState = (cursor?: number): EditorState => {
    const current = latest.current;
    const { language: lang, label: name, readOnly: locked } = current;
    applied.current = {
      language: lang,
      readOnly: locked,
      label: name,
      text: current.text,
      undoManager: current.undoManager,
    };
    const { language: languageSlot, readOnly: readOnlySlot, label: labelSlot } = compartments.current;
    const doc = current.text ? current.text.toString() : (current.value ?? '');
    return EditorState.create({
      doc,
      selection: cursor === undefined ? undefined : EditorSelection.cursor(Math.min(cursor, doc.length)),
      extensions: [
        basicSetup,
        // Tab indents; Escape then Tab still leaves the editor (CodeMirror's own escape hatch).
        keymap.of([indentWithTab]),
        lineNumbers({
          domEventHandlers: {
            mousedown: (editor, line) => {
              const click = handlers.current.onLineNumberClick;
              if (!click) return false;
              click(editor.state.doc.lineAt(line.from).number);
              return true;
            },
          },
        }),
        syntaxHighlighting(highlight),
        theme,
        markedLineField,
        languageSlot.of(languageSupport(lang)),
        readOnlySlot.of(EditorState.readOnly.of(locked)),
        labelSlot.of(EditorView.contentAttributes.of({ 'aria-label': name })),
        current.text
          ? sharedText(current.text, current.undoManager)
          : EditorView.updateListener.of((update) => {
              if (!update.docChanged) return;
              const next = update.state.doc.toString();
              known.current = next;
              handlers.current.onChange?.(next);
            }),
      ],
    });
  };

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({ parent: host.current, state: createState() });
    known.current = latest.current.value;
    view.current = editor;
    if (latest.current.markedLine !== null) markLine(editor, latest.current.markedLine);
    return () => {
      editor.destroy();
      view.current = null;
    };
    // Made once; later props reach the view through the effects below.
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || value === null || value === known.current) return;
    known.current = value;
    // A new state rather than a change: undo must not walk back into another language's code.
    editor.setState(createState());
    if (latest.current.markedLine !== null) markLine(editor, latest.current.markedLine);
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    const was = applied.current;
    if (!editor || (was.text === text && was.undoManager === undoManager)) return;
    // Another document (loaded again): bind to it, the cursor where it was as far as the new text allows.
    editor.setState(createState(editor.state.selection.main.head));
    if (latest.current.markedLine !== null) markLine(editor, latest.current.markedLine);
  }, [text, undoManager]);

  useEffect(() => {
    const editor = view.current;
    const was = applied.current;
    if (!editor) return;
    const { language: languageSlot, readOnly: readOnlySlot, label: labelSlot } = compartments.current;
    const effects = [
      ...(was.language !== language ? [languageSlot.reconfigure(languageSupport(language))] : []),
      ...(was.readOnly !== readOnly ? [readOnlySlot.reconfigure(EditorState.readOnly.of(readOnly))] : []),
      ...(was.label !== label ? [labelSlot.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label }))] : []),
    ];
    applied.current = { ...was, language, readOnly, label };
    if (effects.length > 0) editor.dispatch({ effects });
  }, [language, readOnly, label]);

  useEffect(() => {
    if (view.current) markLine(view.current, markedLine);
  }, [markedLine]);

  return (
    <div
      ref={host}
      className={onLineNumberClick ? 'code-editor code-editor--pointable' : 'code-editor'}
      data-testid="code-editor"
      data-language={language}
    />
  );
}
