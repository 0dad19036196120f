import { Link } from 'react-router';
import './Landing.css';

const FEATURES = [
  {
    title: 'Answer out loud',
    text: 'Interviews happen by voice, so you practise the way it really goes: thinking on your feet, not typing.',
  },
  {
    title: 'See the live transcript',
    text: 'Every word appears as you speak, so you can spot rambling, filler and the point you forgot to make.',
  },
  {
    title: 'Scored with evidence',
    text: 'Each answer is scored against what a strong answer covers, quoting what you actually said.',
  },
  {
    title: 'For interviewers too',
    text: 'Mentors, coaches and hiring teams can run sessions with a shared question bank and rubrics.',
  },
];

export function Landing() {
  return (
    <div className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">Mock interviews for fullstack and backend engineers</p>
        <h1 id="hero-title" className="hero__title">
          Practise interviews out loud, and see exactly where your answers land.
        </h1>
        <p className="hero__lead">
          Mockroom runs realtime mock interviews by voice: speak your answers to an AI or human interviewer and watch
          the live transcript as you go. Each answer is then scored against a clear rubric, with evidence quoted from
          what you said.
        </p>
        <div className="hero__actions">
          <Link to="/sign-up" className="button button--primary button--large">
            Create an account
          </Link>
          <Link to="/sign-in" className="button button--secondary button--large">
            Sign in
          </Link>
        </div>
        <p className="hero__note">Open source and self-hostable. Your practice stays on your server.</p>
      </section>

      <section className="features" aria-label="What you get">
        {FEATURES.map((feature) => (
          <div key={feature.title} className="feature">
            <h2 className="feature__title">{feature.title}</h2>
            <p className="feature__text">{feature.text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
