import type { CodeLanguage, CodingTaskView } from '@mockroom/contracts';

/** Where the editor's text is kept between reloads: this tab's session storage. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem'>;

const PREFIX = 'mockroom.code';

export function draftKey(interviewId: string, questionId: string, language: CodeLanguage): string {
  return `${PREFIX}.${interviewId}.${questionId}.${language}`;
}

export function languageKey(interviewId: string, questionId: string): string {
  return `${PREFIX}.${interviewId}.${questionId}.language`;
}

/** The tab's session storage, or null where the browser refuses it (some private modes). */
export function sessionDrafts(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(storage: DraftStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes quietly: a full storage only means a reload loses the draft. */
function write(storage: DraftStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Nothing to do.
  }
}

/** The editor's texts of one question, one per language, read from storage the first time each is opened. */
export class CodeDrafts {
  private readonly texts = new Map<CodeLanguage, string>();

  constructor(
    private readonly storage: DraftStorage | null,
    private readonly interviewId: string,
    private readonly task: Pick<CodingTaskView, 'questionId' | 'languages' | 'starter'>,
  ) {}

  /** The language last chosen for this question, else the task's first. */
  language(): CodeLanguage {
    const stored = read(this.storage, languageKey(this.interviewId, this.task.questionId));
    const languages = this.task.languages;
    return languages.find((l) => l === stored) ?? languages[0] ?? 'javascript';
  }

  chooseLanguage(language: CodeLanguage): void {
    write(this.storage, languageKey(this.interviewId, this.task.questionId), language);
  }

  /** The text for `language`: as left, or the starter code the first time. */
  code(language: CodeLanguage): string {
    const known = this.texts.get(language);
    if (known !== undefined) return known;
    const text =
      read(this.storage, draftKey(this.interviewId, this.task.questionId, language)) ??
      this.task.starter[language] ??
      '';
    this.texts.set(language, text);
    return text;
  }

  edit(language: CodeLanguage, code: string): void {
    this.texts.set(language, code);
    write(this.storage, draftKey(this.interviewId, this.task.questionId, language), code);
  }
}
