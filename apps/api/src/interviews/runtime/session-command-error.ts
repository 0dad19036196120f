/** A command the session refuses, with the reason (becomes a socket error). */
export class SessionCommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
