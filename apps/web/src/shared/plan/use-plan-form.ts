import {
  QUESTION_COUNT_MAX,
  type Category,
  type Level,
  type Question,
  type QuestionSummary,
  type Role,
  type Track,
} from '@mockroom/contracts';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { questionBankApi, tracksApi } from '../api/endpoints';
import { useResource, type Resource } from '../api/use-resource';
import {
  defaultQuestionCount,
  linkedPlan,
  maxQuestions,
  planFromUrl,
  type PlanValues,
  type QuestionSource,
} from './plan-form';

type Reloadable<T> = Resource<T> & { reload: () => void };

/** The questions part of a new interview or session: its state and the tracks to choose from. */
export interface PlanForm {
  source: QuestionSource;
  setSource: (source: QuestionSource) => void;
  trackId: string;
  setTrackId: (trackId: string) => void;
  role: Role;
  setRole: (role: Role) => void;
  level: Level;
  setLevel: (level: Level) => void;
  questionCount: string;
  setQuestionCount: (count: string) => void;
  /** The most questions the count may ask for from this source. */
  countMax: number;
  categories: Category[];
  toggleCategory: (category: Category) => void;
  chosen: QuestionSummary[];
  setChosen: (chosen: QuestionSummary[]) => void;
  tracks: Reloadable<Track[]>;
  track: Track | undefined;
  /** The track asked for (in the address) isn't in the list. */
  trackMissing: boolean;
  /** The question the address links to (`?question=`), while it loads or when it can't be. */
  linked: Reloadable<Question> | null;
  /** What to build the request from (see `buildPlan`), with the chosen track's size when it is known. */
  values: PlanValues;
  trackQuestionCount: number | null;
}

/** Plan state that starts from the address (see `planFromUrl`), with `defaultSource` when it says nothing. */
export function usePlanForm(defaultSource: QuestionSource): PlanForm {
  const [params] = useSearchParams();
  const [start] = useState(() => planFromUrl(params, defaultSource));
  const tracks = useResource('tracks', (signal) => tracksApi.list(signal));
  const linked = useResource(start.questionId ? `question:${start.questionId}` : null, (signal) =>
    questionBankApi.get(start.questionId ?? '', signal),
  );

  const [source, setSource] = useState(start.source);
  const [pickedTrackId, setPickedTrackId] = useState(start.trackId);
  const [role, setRole] = useState(start.role);
  const [level, setLevel] = useState(start.level);
  // Null until the user types a count: until then the count follows the source (all of a track, else the default).
  const [typedCount, setTypedCount] = useState<string | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [chosen, setChosen] = useState<QuestionSummary[]>([]);

  // The first track is the default choice once the list arrives.
  const trackId = pickedTrackId || (tracks.data?.[0]?.id ?? '');
  const track = tracks.data?.find((t) => t.id === trackId);
  const trackMissing = tracks.status === 'success' && trackId !== '' && !track;
  const trackSize = source === 'track' && track ? track.questionIds.length : null;
  const questionCount = typedCount ?? String(defaultQuestionCount(trackSize));

  const linkedQuestion = linked.data;
  useEffect(() => {
    if (!linkedQuestion) return;
    const plan = linkedPlan(linkedQuestion);
    setChosen((current) => (current.some((q) => q.id === plan.question.id) ? current : [plan.question, ...current]));
    setRole(plan.role);
    setLevel(plan.level);
  }, [linkedQuestion]);

  return {
    source,
    setSource,
    trackId,
    setTrackId: (next) => {
      // Another track means that track's length again, unless the user types a count.
      setTypedCount(null);
      setPickedTrackId(next);
    },
    role,
    setRole,
    level,
    setLevel,
    questionCount,
    setQuestionCount: setTypedCount,
    countMax: source === 'track' ? maxQuestions(trackSize) : QUESTION_COUNT_MAX,
    categories,
    toggleCategory: (category) =>
      setCategories((current) =>
        current.includes(category) ? current.filter((c) => c !== category) : [...current, category],
      ),
    chosen,
    setChosen,
    tracks,
    track,
    trackMissing,
    linked: start.questionId ? linked : null,
    values: { source, trackId, role, level, questionCount, categories, questionIds: chosen.map((q) => q.id) },
    trackQuestionCount: trackSize,
  };
}
