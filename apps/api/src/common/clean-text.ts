import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Characters a name or a title must not hold: control characters (C0, DEL, C1), bidirectional overrides and isolates
 * (which make "Eve" display as someone else's name), zero-width characters, the byte-order mark; and lone surrogates (which the database would silently replace).
 */
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
/** A surrogate without its pair (JSON allows "\ud800"): not text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Something a reader can see: a letter, a digit, a symbol or punctuation (not only combining marks and spaces). */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** NFC, trimmed, runs of white space as one space: how a name is stored and compared. */
export function normaliseText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Why a piece of text is refused, or null when it is fine. */
export function textProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
  if (FORBIDDEN.test(value.replace(/\s+/g, ' ')))
    return 'must not contain control, zero-width or text-direction characters';
  if (!VISIBLE.test(value)) return 'must contain a letter or a digit';
  return null;
}

/** class-validator: refuses what `textProblem` refuses, naming the field. Use after `@Transform(normaliseText)`. */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || textProblem(value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? textProblem(args.value) : 'is not valid'}`,
      },
    });
  };
}

/** Control characters other than line breaks and tabs (which a note or a typed answer may hold). */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Whether multi-line text (a note, a follow-up, a typed answer) holds a control or text-direction character. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text) || LONE_SURROGATE.test(text);
}
