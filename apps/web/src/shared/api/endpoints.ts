import type {
  AgreementReport,
  CorrectionResult,
  CreateHumanSessionRequest,
  CreateInterviewRequest,
  CreateJobDescriptionRequest,
  HumanSession,
  InvitationInfo,
  InterviewListQuery,
  LiveKitJoin,
  InterviewSnapshot,
  InterviewSummary,
  JobDescriptionDetail,
  JobDescriptionSummary,
  Page,
  Progress,
  Question,
  QuestionBankInfo,
  QuestionFacets,
  QuestionQuery,
  QuestionSummary,
  ResumeCorrection,
  ResumeDetail,
  ResumeSummary,
  Review,
  SessionInfo,
  ShareInfo,
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
  info: (signal?: AbortSignal): Promise<QuestionBankInfo> =>
    request<QuestionBankInfo>('GET', '/question-bank', { signal }),
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
  create: (body: CreateInterviewRequest): Promise<InterviewSummary> =>
    request<InterviewSummary>('POST', '/interviews', { body }),
  list: (query: InterviewListQuery = {}, signal?: AbortSignal): Promise<InterviewSummary[]> =>
    request<InterviewSummary[]>('GET', '/interviews', { query: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal): Promise<InterviewSnapshot> =>
    request<InterviewSnapshot>('GET', `/interviews/${encodeURIComponent(id)}`, { signal }),
  /** Deletes the interview with its recording and transcript (the owner only). */
  remove: (id: string): Promise<void> => request<void>('DELETE', `/interviews/${encodeURIComponent(id)}`),
  /** A short-lived token for the interview's LiveKit room (409 when the server has no LiveKit). */
  livekit: (id: string): Promise<LiveKitJoin> =>
    request<LiveKitJoin>('POST', `/interviews/${encodeURIComponent(id)}/livekit`),
};

export const reviewsApi = {
  get: (id: string, signal?: AbortSignal): Promise<Review> =>
    request<Review>('GET', `/interviews/${encodeURIComponent(id)}/review`, { signal }),
  /** Download addresses (plain links: the browser saves the file). */
  exportUrl: (id: string, format: 'md' | 'pdf'): string => `/api/interviews/${encodeURIComponent(id)}/review.${format}`,
  share: (id: string, email: string): Promise<ShareInfo> =>
    request<ShareInfo>('POST', `/interviews/${encodeURIComponent(id)}/shares`, { body: { email } }),
  revoke: (id: string, shareId: string): Promise<void> =>
    request<void>('DELETE', `/interviews/${encodeURIComponent(id)}/shares/${encodeURIComponent(shareId)}`),
  /** Corrects a misheard line of the candidate's transcript; the answer is assessed again. */
  correct: (id: string, seq: number, text: string): Promise<CorrectionResult> =>
    request<CorrectionResult>('POST', `/interviews/${encodeURIComponent(id)}/transcript/${seq}/corrections`, {
      body: { text },
    }),
};

/** Reports for admins. */
export const reportsApi = {
  agreement: (signal?: AbortSignal): Promise<AgreementReport> =>
    request<AgreementReport>('GET', '/reports/agreement', { signal }),
  /** The answers behind the report, as a file for `npm run eval:scoring -- --agreement FILE`. */
  agreementAnswersUrl: '/api/reports/agreement/answers',
};

export const progressApi = {
  get: (signal?: AbortSignal): Promise<Progress> => request<Progress>('GET', '/progress', { signal }),
};

/** Human interviewer sessions: created by an interviewer, joined by a candidate through an invitation link. */
export const sessionsApi = {
  create: (body: CreateHumanSessionRequest): Promise<HumanSession> =>
    request<HumanSession>('POST', '/sessions', { body }),
  get: (id: string, signal?: AbortSignal): Promise<HumanSession> =>
    request<HumanSession>('GET', `/sessions/${encodeURIComponent(id)}`, { signal }),
  /** A new invitation link; the old one stops working. */
  renewInvitation: (id: string): Promise<HumanSession> =>
    request<HumanSession>('POST', `/sessions/${encodeURIComponent(id)}/invitation`),
  invitation: (token: string, signal?: AbortSignal): Promise<InvitationInfo> =>
    request<InvitationInfo>('GET', `/invitations/${encodeURIComponent(token)}`, { signal }),
  accept: (token: string): Promise<InterviewSummary> =>
    request<InterviewSummary>('POST', `/invitations/${encodeURIComponent(token)}/accept`),
};

/** What deleting a résumé or job description does to the interviews tailored to it. */
export type TailoredInterviews = 'keep' | 'delete';

/** The candidate's résumés: uploaded, read, corrected by hand, and used to tailor interviews. */
export const resumesApi = {
  /** Uploads and reads a résumé (a few seconds). `llmConsent`: it may be sent to the configured language model. */
  upload: (file: File, llmConsent: boolean, signal?: AbortSignal): Promise<ResumeDetail> => {
    const body = new FormData();
    body.append('file', file, file.name);
    body.append('llmConsent', llmConsent ? 'true' : 'false');
    return request<ResumeDetail>('POST', '/resumes', { body, signal });
  },
  list: (signal?: AbortSignal): Promise<ResumeSummary[]> => request<ResumeSummary[]>('GET', '/resumes', { signal }),
  get: (id: string, signal?: AbortSignal): Promise<ResumeDetail> =>
    request<ResumeDetail>('GET', `/resumes/${encodeURIComponent(id)}`, { signal }),
  correct: (id: string, body: ResumeCorrection): Promise<ResumeDetail> =>
    request<ResumeDetail>('PUT', `/resumes/${encodeURIComponent(id)}/profile`, { body }),
  remove: (id: string, interviews: TailoredInterviews): Promise<void> =>
    request<void>('DELETE', `/resumes/${encodeURIComponent(id)}`, { query: { interviews } }),
  /** The file as uploaded (a plain link: the browser saves it). */
  fileUrl: (id: string): string => `/api/resumes/${encodeURIComponent(id)}/file`,
};

/** The candidate's job descriptions: pasted postings, read for the skills and themes they stress. */
export const jobDescriptionsApi = {
  create: (body: CreateJobDescriptionRequest): Promise<JobDescriptionDetail> =>
    request<JobDescriptionDetail>('POST', '/job-descriptions', { body }),
  list: (signal?: AbortSignal): Promise<JobDescriptionSummary[]> =>
    request<JobDescriptionSummary[]>('GET', '/job-descriptions', { signal }),
  get: (id: string, signal?: AbortSignal): Promise<JobDescriptionDetail> =>
    request<JobDescriptionDetail>('GET', `/job-descriptions/${encodeURIComponent(id)}`, { signal }),
  remove: (id: string, interviews: TailoredInterviews): Promise<void> =>
    request<void>('DELETE', `/job-descriptions/${encodeURIComponent(id)}`, { query: { interviews } }),
};
