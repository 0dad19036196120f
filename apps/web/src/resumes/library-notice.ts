import type { TailoredInterviews } from '../shared/api/endpoints';

/** What the list page says after something was done elsewhere (a detail page deleted it). */
export interface LibraryNoticeText {
  kind: 'resume' | 'job';
  text: string;
}

/** The navigation state a detail page leaves for the list page. */
export interface LibraryState {
  notice?: LibraryNoticeText;
}

export function deletedNotice(kind: 'resume' | 'job', name: string, interviews: TailoredInterviews): LibraryNoticeText {
  return {
    kind,
    text:
      interviews === 'delete'
        ? `“${name}” was deleted, with the interviews tailored to it.`
        : `“${name}” was deleted. The interviews tailored to it stay in your history.`,
  };
}
