/** What went wrong with the microphone, in words a candidate can act on. */
export interface MicProblem {
  kind: 'denied' | 'no-device' | 'busy' | 'insecure' | 'unsupported' | 'ended' | 'failed';
  title: string;
  /** How to fix it. */
  help: string;
}

export function micProblem(error: unknown): MicProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
      return {
        kind: 'denied',
        title: 'Microphone access is blocked',
        help: 'Allow the microphone for this site: click the microphone or lock icon in the address bar, choose "Allow", then try again. If your system blocks it too, allow your browser under your system\'s privacy settings.',
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return {
        kind: 'no-device',
        title: 'No microphone found',
        help: "Plug in a microphone or headset (or turn on the built-in one), check it is selected as the input in your system's sound settings, then try again.",
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        kind: 'busy',
        title: "Your microphone couldn't be started",
        help: 'Another app may be using it. Close other calls or recording apps, then try again.',
      };
    case 'SecurityError':
      return {
        kind: 'insecure',
        title: 'The microphone needs a secure connection',
        help: 'Open Mockroom over https:// (or on localhost) to use the microphone.',
      };
    case 'MicUnsupportedError':
      return {
        kind: 'unsupported',
        title: "This browser can't record audio here",
        help: 'Use a recent version of Chrome, Edge, Firefox or Safari, opened over https:// or on localhost.',
      };
    case 'MicEndedError':
      return {
        kind: 'ended',
        title: 'The microphone stopped',
        help: 'It may have been unplugged or turned off. Reconnect it, then turn the microphone back on.',
      };
    default:
      return {
        kind: 'failed',
        title: "Your microphone couldn't be started",
        help: 'Check that a microphone is connected and allowed for this site, then try again.',
      };
  }
}

export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
