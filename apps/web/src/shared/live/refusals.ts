import type { SocketError } from '@mockroom/contracts';
import type { FatalProblem } from './live-connection';

/** Which live page is refused: an AI interview's room, or a session's console or candidate room. */
export type LiveKind = 'interview' | 'session';

type Words = [title: string, message: string];

/** What each kind of page says, per refusal (the server's own message wins where it sends one). */
const WORDS: Record<'ended' | 'notYours' | 'signedOut' | 'notFound' | 'refused' | 'gaveUp', Record<LiveKind, Words>> = {
  ended: {
    interview: ['This interview has ended', 'The interview is over, so it can no longer be joined.'],
    session: ['This session has ended', 'The session is over, so it can no longer be joined.'],
  },
  notYours: {
    interview: ["This interview isn't yours", 'Only the candidate who started this interview can take part in it.'],
    session: [
      "This session isn't yours",
      'Only its interviewer and the candidate who accepted the invitation can join it.',
    ],
  },
  signedOut: {
    interview: ['Your session has ended', 'Sign in again to continue the interview where you left off.'],
    session: ["You've been signed out", 'Sign in again to rejoin the session where it is.'],
  },
  notFound: {
    interview: ['Interview not found', 'There is no interview at this address.'],
    session: ['Session not found', 'There is no session at this address.'],
  },
  refused: {
    interview: ["You can't join this interview", 'The server refused the connection.'],
    session: ["You can't join this session", 'The server refused the connection.'],
  },
  gaveUp: {
    interview: [
      'This interview has ended',
      'The interview is over, but its summary is not ready yet. Check your history in a moment.',
    ],
    session: [
      'This session has ended',
      'The session is over, but its review is not ready yet. Check your interviews in a moment.',
    ],
  },
};

/** The codes that say "not yours": a session's server also says `forbidden` (an interview's shows it as refused). */
const NOT_YOURS: Record<LiveKind, readonly string[]> = {
  interview: ['not-your-session'],
  session: ['not-your-session', 'forbidden'],
};

function problem(code: string, [title, message]: Words, given?: string): FatalProblem {
  return { code, title, message: given || message };
}

/** What a refusal from the server that stops the page for good says on this kind of page. */
export function refusalFor(kind: LiveKind, error: SocketError): FatalProblem {
  if (error.code === 'session-ended') return problem(error.code, WORDS.ended[kind], error.message);
  if (NOT_YOURS[kind].includes(error.code)) return problem(error.code, WORDS.notYours[kind], error.message);
  if (error.code === 'unauthorized' || error.code === 'signed-out' || error.code === 'session-expired') {
    // Signed out in another tab, or the sign-in expired: the page offers to sign in again.
    const [title, message] = WORDS.signedOut[kind];
    return { code: 'unauthorized', title, message: error.code === 'unauthorized' ? message : error.message };
  }
  if (error.code === 'not-found') return problem(error.code, WORDS.notFound[kind], error.message);
  return problem(error.code, WORDS.refused[kind], error.message);
}

/** The interview is over, but the finished one never arrived. */
export function gaveUpWaiting(kind: LiveKind): FatalProblem {
  return problem('session-ended', WORDS.gaveUp[kind]);
}
