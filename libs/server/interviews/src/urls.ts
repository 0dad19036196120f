/** Where the API serves an interview's media: one prompt's voice, and the whole session's mixed recording. */
export const promptAudioUrl = (interviewId: string, seq: number) =>
  `/api/interviews/${interviewId}/prompts/${seq}/audio`;
export const sessionAudioUrl = (interviewId: string) => `/api/interviews/${interviewId}/audio`;
