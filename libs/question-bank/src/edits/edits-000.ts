/**
 * Hand edits of seed 000, "Mid Fullstack Engineer Interview Questions".
 * The source gives category labels, rubric bullets and sample answers; the edits add ids and key
 * terms (taken from the sample answers and rubrics), and rewords follow-ups and pitfalls that read
 * badly out of context.
 */
import type { EditSet } from './types';

export const EDITS_000: EditSet = {
  'client-vs-server-logic': {
    at: '000#1',
    anchor: 'what logic belongs on the client',
    keyTerms: [
      'Server-side validation',
      'Optimistic updates',
      'Data freshness',
      'WebSocket',
      'Caching',
      'Bandwidth',
      'State management',
    ],
  },
  'authentication-sessions-end-to-end': {
    at: '000#2',
    anchor: 'authentication and sessions work end to end',
    keyTerms: [
      'Password hashing',
      'bcrypt',
      'argon2',
      'JWT',
      'HTTP-only cookie',
      'SameSite',
      'Session store',
      'Redis',
      'Refresh token rotation',
      'CSRF',
      'HTTPS',
    ],
    // "A common pitfall is not rotating tokens or using short expiry" means neither rotating nor using a short expiry.
    commonMistakes: ['Not rotating tokens or not using a short expiry; implement refresh tokens with rotation.'],
    // The source's "what about CSRF?" only makes sense right after the answer.
    followUps: ['How do you protect a cookie-based session against CSRF?'],
  },
  'optimize-slow-page-slow-api': {
    at: '000#3',
    anchor: 'optimize a slow page that depends on a slow API',
    keyTerms: [
      'DevTools Network tab',
      'Server-side tracing',
      'CDN',
      'Redis',
      'Service worker',
      'Lazy loading',
      'Code splitting',
      'Pagination',
      'Skeleton UI',
      'Stale-while-revalidate',
      'Exponential backoff',
    ],
  },
  'crud-feature-schema-api-ui': {
    at: '000#4',
    anchor: 'Build a small CRUD feature',
    keyTerms: [
      'CRUD',
      'Schema design',
      'UUID',
      'REST endpoints',
      'Express.js',
      'Input validation',
      'fetch()',
      'Optimistic locking',
    ],
  },
  'optimistic-ui-updates-rollback': {
    at: '000#5',
    anchor: 'optimistic UI updates with rollback',
    keyTerms: ['Optimistic UI', 'Rollback', 'Previous state', 'fetch', 'useReducer', 'Mutation queue', 'Toast error'],
  },
  'realtime-comments-with-moderation': {
    at: '000#6',
    anchor: 'commenting system with real-time updates and moderation',
    keyTerms: [
      'WebSockets',
      'Server-Sent Events',
      'socket.io',
      'parent_id threading',
      'Moderation queue',
      'Redis Pub/Sub',
      'Redis adapter',
      'Optimistic locking',
      'Spam detection',
      'Rate limiting',
    ],
    followUps: ['How would you handle high traffic?'],
  },
  'feature-shipped-on-your-own': {
    at: '000#7',
    anchor: 'a feature you shipped entirely on your own',
    keyTerms: ['STAR', 'Ownership', 'Job queue', 'RabbitMQ', 'Exponential backoff', 'Idempotency', 'WebSockets'],
    // "A follow-up question might be how I ensured idempotency." — as the interviewer would ask it.
    followUps: ['How did you ensure idempotency?'],
  },
  'choosing-where-to-go-deep': {
    at: '000#8',
    anchor: 'which part of the stack to go deep on',
    keyTerms: [
      'T-shaped',
      'Depth area',
      'Learning time allocation',
      'React reconciliation',
      'Event-driven architecture',
      'Kafka',
    ],
    // The source continues in the first person ("I start with a small project…").
    commonMistakes: ['Going too deep too early, before validating your interest with a small project.'],
  },
};
