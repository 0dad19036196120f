/** The body of every error response from the API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level problems for validation errors. */
  details?: string[];
  /** Why a request was refused, for code to act on (e.g. an upload's `ResumeRefusal`). */
  reason?: string;
}
