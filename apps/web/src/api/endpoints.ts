import type {
  CreateInterviewRequest,
  InterviewSnapshot,
  InterviewSummary,
  Page,
  Question,
  QuestionBankInfo,
  QuestionFacets,
  QuestionQuery,
  QuestionSummary,
  SessionInfo,
  SignInRequest,
  SignUpRequest,
  SystemInfo,
  Track,
  TrackDetail,
} from '@mockroom/contracts';
import { fetchSession, request, type SessionResponse } from './client';

export type QuestionPage = Page<QuestionSummary> & { facets: QuestionFacets };

export const authApi = {
  session: (signal?: AbortSignal): Promise<SessionResponse> => fetchSession(signal),
  signUp: (body: SignUpRequest): Promise<SessionInfo> => request<SessionInfo>('POST', '/auth/sign-up', { body }),
  signIn: (body: SignInRequest): Promise<SessionInfo> => request<SessionInfo>('POST', '/auth/sign-in', { body }),
  signOut: (): Promise<void> => request<void>('POST', '/auth/sign-out'),
};

export const questionBankApi = {
  list: (query: QuestionQuery, signal?: AbortSignal): Promise<QuestionPage> =>
    request<QuestionPage>('GET', '/questions', { query: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal): Promise<Question> =>
    request<Question>('GET', `/questions/${encodeURIComponent(id)}`, { signal }),
  info: (signal?: AbortSignal): Promise<QuestionBankInfo> => request<QuestionBankInfo>('GET', '/question-bank', { signal }),
};

export const tracksApi = {
  list: (signal?: AbortSignal): Promise<Track[]> => request<Track[]>('GET', '/tracks', { signal }),
  get: (id: string, signal?: AbortSignal): Promise<TrackDetail> =>
    request<TrackDetail>('GET', `/tracks/${encodeURIComponent(id)}`, { signal }),
};

export const systemApi = {
  info: (signal?: AbortSignal): Promise<SystemInfo> => request<SystemInfo>('GET', '/system', { signal }),
};

export const interviewsApi = {
  create: (body: CreateInterviewRequest): Promise<InterviewSummary> => request<InterviewSummary>('POST', '/interviews', { body }),
  list: (signal?: AbortSignal): Promise<InterviewSummary[]> => request<InterviewSummary[]>('GET', '/interviews', { signal }),
  get: (id: string, signal?: AbortSignal): Promise<InterviewSnapshot> =>
    request<InterviewSnapshot>('GET', `/interviews/${encodeURIComponent(id)}`, { signal }),
};
