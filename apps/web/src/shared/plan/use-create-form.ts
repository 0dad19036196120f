import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import type { FormError } from '../ui/fields';

/** What a create form checks before sending: the request, or what to fix. */
export interface Built<Request, Errors> {
  request: Request | null;
  errors: Errors;
}

/**
 * Sending a create form (a new interview, a new session): checks it first (`build`), says what needs fixing, sends it
 * once at a time, and says why the server refused. `what`: "interview" or "session", for the messages.
 */
export function useCreateForm<Request, Errors extends object, Created>({
  what,
  fixFirst,
  build,
  create,
  onCreated,
}: {
  what: string;
  /** Shown above the form when some fields need fixing. */
  fixFirst: string;
  build: () => Built<Request, Errors>;
  create: (request: Request) => Promise<Created>;
  onCreated: (created: Created) => void;
}) {
  const [errors, setErrors] = useState<Partial<Errors>>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit() {
    if (submitting) return;
    const { request, errors: found } = build();
    setErrors(found);
    if (!request) {
      setFormError({ message: fixFirst, details: [] });
      return;
    }
    setFormError(null);
    setSubmitting(true);
    try {
      onCreated(await create(request));
    } catch (error) {
      setSubmitting(false);
      setFormError({
        message: `Couldn't create the ${what}. ${errorMessage(error)}`,
        details: error instanceof ApiError ? error.details : [],
      });
    }
  }

  return { errors, formError, submitting, submit };
}
