import type { User } from '@mockroom/contracts';
import { Link } from 'react-router';
import './Dashboard.css';
import { questionBankApi } from '../shared/api/endpoints';
import { useResource } from '../shared/api/use-resource';
import { plural } from '../shared/ui/labels';
import { TrackList } from '../tracks';

/** The signed-in home: the tracks to work through, and the bank to browse. */
export function Dashboard({ user }: { user: User }) {
  const bank = useResource('question-bank', (signal) => questionBankApi.info(signal));
  const interviewer = user.role === 'interviewer' || user.role === 'admin';
  const firstName = user.displayName.split(/\s+/)[0] || user.displayName;

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">Welcome, {firstName}</h1>
        <p className="page__lead">
          {interviewer
            ? 'Pick a track to run with a candidate, or browse the bank for the questions you want to ask.'
            : 'Pick a track to practise a full interview, or browse the bank to prepare for specific questions.'}
        </p>
      </header>

      {!interviewer && (
        <section className="home-section" aria-labelledby="practise-heading">
          <div className="card bank-callout practise-callout">
            <div>
              <h2 id="practise-heading" className="section-title">
                Practise out loud
              </h2>
              <p className="bank-callout__text">
                An AI interviewer asks the questions, listens, follows up, and scores each answer against what a strong
                one covers.
              </p>
            </div>
            <div className="practise-callout__actions">
              <Link to="/interviews" className="button button--ghost">
                Your interviews
              </Link>
              <Link to="/interviews/new" className="button button--primary">
                Start an interview
              </Link>
            </div>
          </div>
        </section>
      )}

      {interviewer && (
        <section className="home-section" aria-labelledby="run-heading">
          <div className="card bank-callout practise-callout">
            <div>
              <h2 id="run-heading" className="section-title">
                Run a session
              </h2>
              <p className="bank-callout__text">
                Interview a candidate yourself, by voice: invite them with a link, show each question, and score as you
                listen while the rubric ticks itself off from their words.
              </p>
            </div>
            <div className="practise-callout__actions">
              <Link to="/interviews" className="button button--ghost">
                Your sessions
              </Link>
              <Link to="/sessions/new" className="button button--primary">
                New session
              </Link>
            </div>
          </div>
        </section>
      )}

      <section className="home-section" aria-labelledby="tracks-heading">
        <div className="section-header">
          <h2 id="tracks-heading" className="section-title">
            Tracks
          </h2>
          <Link to="/tracks" className="section-header__link">
            All tracks
          </Link>
        </div>
        <TrackList headingLevel={3} />
      </section>

      <section className="home-section" aria-labelledby="bank-heading">
        <div className="card bank-callout">
          <div>
            <h2 id="bank-heading" className="section-title">
              Question bank
            </h2>
            <p className="bank-callout__text">
              {bank.data
                ? `${plural(bank.data.questionCount, 'question')} from ${plural(bank.data.documents.length, 'source')}, each with what a strong answer covers.`
                : 'Every question, each with what a strong answer covers, sample answers and common mistakes.'}
            </p>
          </div>
          <Link to="/questions" className="button button--primary">
            Browse the question bank
          </Link>
        </div>
      </section>
    </div>
  );
}
