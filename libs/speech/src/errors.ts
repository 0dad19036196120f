/** An engine could not do what was asked; `engine` names it, `cause` holds the underlying error. */
export class SpeechEngineError extends Error {
  constructor(
    readonly engine: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SpeechEngineError';
  }
}

/** The engine is not installed or not configured on this machine. */
export class SpeechEngineUnavailableError extends SpeechEngineError {
  constructor(engine: string, message: string, options?: { cause?: unknown }) {
    super(engine, message, options);
    this.name = 'SpeechEngineUnavailableError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError');
}
