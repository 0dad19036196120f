import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth, SignInPage, SignUpPage } from './auth';
import { HomePage } from './home';
import { InterviewPage, InterviewReviewPage, InterviewsPage, NewInterviewPage } from './interview';
import { AppLayout, NotFoundPage, RouteErrorPage } from './layout';
import { ProgressPage } from './progress';
import { QuestionBankPage, QuestionPage } from './question-bank';
import { AgreementPage } from './reports';
import { JobDescriptionPage, ResumePage, ResumesPage } from './resumes';
import { JoinPage, NewSessionPage } from './session';
import { TrackPage, TracksPage } from './tracks';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'questions', element: <QuestionBankPage /> },
          { path: 'questions/:id', element: <QuestionPage /> },
          { path: 'tracks', element: <TracksPage /> },
          { path: 'tracks/:id', element: <TrackPage /> },
          { path: 'interviews', element: <InterviewsPage /> },
          { path: 'interviews/new', element: <NewInterviewPage /> },
          { path: 'interviews/:id', element: <InterviewPage /> },
          { path: 'interviews/:id/review', element: <InterviewReviewPage /> },
          // The address it had before it was called a review: links people kept still open it.
          { path: 'interviews/:id/summary', element: <InterviewReviewPage /> },
          { path: 'progress', element: <ProgressPage /> },
          { path: 'resumes', element: <ResumesPage /> },
          { path: 'resumes/:id', element: <ResumePage /> },
          // Job descriptions are listed beside the résumés.
          { path: 'job-descriptions', element: <Navigate to="/resumes" replace /> },
          { path: 'job-descriptions/:id', element: <JobDescriptionPage /> },
          { path: 'reports/agreement', element: <AgreementPage /> },
          { path: 'sessions/new', element: <NewSessionPage /> },
          { path: 'join/:token', element: <JoinPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
