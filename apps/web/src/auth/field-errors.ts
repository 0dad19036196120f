/**
 * Sorts the API's validation details ("password must be at least 10 characters long") by the field
 * they start with, so each can be shown beside its input.
 */
export function fieldErrors<F extends string>(details: string[], fields: readonly F[]): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const detail of details) {
    const field = fields.find((name) => detail.startsWith(`${name} `));
    if (field && !errors[field]) errors[field] = sentence(detail.replace(field, FIELD_WORDS[field] ?? field));
  }
  return errors;
}

const FIELD_WORDS: Record<string, string> = {
  email: 'Email',
  password: 'Password',
  displayName: 'Name',
  role: 'Role',
};

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
