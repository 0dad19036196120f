import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

/**
 * What a modal dialog with actions shares: shown and closed with `open` (the safe button focused on showing), ids for
 * its title and text, and one action at a time with its error kept in the dialog. `busy` is the action running, if any.
 */
export function useModalAction<A>(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState<A | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setError(null);
      element.showModal();
      cancelButton.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const run = async (action: A, work: () => Promise<void>) => {
    setBusy(action);
    setError(null);
    try {
      await work();
    } catch (problem) {
      setError(errorMessage(problem));
    } finally {
      setBusy(null);
    }
  };

  return { dialog, cancelButton, busy, error, titleId, textId, run };
}
