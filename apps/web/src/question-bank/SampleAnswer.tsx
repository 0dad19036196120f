import { useId, useState } from 'react';

/** The sample answer, hidden until asked for: trying the question first is the point. */
export function SampleAnswer({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="sample-answer">
      {!open && <p className="question-section__intro">Try answering out loud first, then compare.</p>}
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {open ? 'Hide sample answer' : 'Show sample answer'}
      </button>
      <div id={panelId} className="sample-answer__panel" hidden={!open}>
        <p className="prose">{text}</p>
      </div>
    </div>
  );
}
