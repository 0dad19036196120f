import { createBrowserRouter } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { SignInPage } from './auth/SignInPage';
import { SignUpPage } from './auth/SignUpPage';
import { HomePage } from './home/HomePage';
import { InterviewPage, InterviewSummaryPage } from './interview/InterviewPage';
import { InterviewsPage } from './interview/InterviewsPage';
import { NewInterviewPage } from './interview/NewInterviewPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { RouteErrorPage } from './layout/RouteErrorPage';
import { ProgressPage } from './progress/ProgressPage';
import { QuestionBankPage } from './question-bank/QuestionBankPage';
import { AgreementPage } from './reports/AgreementPage';
import { QuestionPage } from './question-bank/QuestionPage';
import { JoinPage } from './sessions/JoinPage';
import { NewSessionPage } from './sessions/NewSessionPage';
import { TrackPage } from './tracks/TrackPage';
import { TracksPage } from './tracks/TracksPage';

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
          { path: 'interviews/:id/summary', element: <InterviewSummaryPage /> },
          { path: 'progress', element: <ProgressPage /> },
          { path: 'reports/agreement', element: <AgreementPage /> },
          { path: 'sessions/new', element: <NewSessionPage /> },
          { path: 'join/:token', element: <JoinPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
