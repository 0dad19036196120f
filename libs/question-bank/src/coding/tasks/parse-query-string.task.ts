import type { CodingTask } from '../coding-task';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text.replace(/\+/g, ' ');
  }
}

function parse(query: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const token of query.replace(/^\?/, '').split('&')) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const key = decode(eq === -1 ? token : token.slice(0, eq));
    const value = eq === -1 ? '' : decode(token.slice(eq + 1));
    if (key === '') continue;
    (out[key] ??= []).push(value);
  }
  return out;
}

export const parseQueryStringTask: CodingTask = {
  questionId: 'parse-http-query-string',
  entry: 'parseQuery',
  statement: [
    'Write a function `parseQuery(query)` that parses a raw HTTP query string into a map from each key to the list of',
    'its values, in the order they appear.',
    '',
    '- `"foo=1&bar=2&foo=3"` gives `{ "foo": ["1", "3"], "bar": ["2"] }`.',
    '- A leading `?` is ignored. Empty tokens (`"a=1&&b=2"`, a trailing `&`) are skipped.',
    '- Split each token on its first `=` only: `"a=1=2"` gives `{ "a": ["1=2"] }`.',
    '- A token without `=` is a key with an empty value: `"debug"` gives `{ "debug": [""] }`; so is `"a="`.',
    '- Keys and values are URL-decoded, and `+` stands for a space (as HTML forms send it). A token whose',
    '  percent-escapes cannot be decoded keeps them as written (its `+` still becomes a space).',
    '- A token whose key is empty (`"=1"`) is skipped.',
    '',
    "Use your language's standard library for the decoding.",
  ].join('\n'),
  languages: ['javascript', 'typescript', 'python'],
  starter: {
    javascript: `function parseQuery(query) {
  const result = {};
  // fill result: key -> list of values
  return result;
}
`,
    typescript: `function parseQuery(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  // fill result: key -> list of values
  return result;
}
`,
    python: `def parseQuery(query: str) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    # fill result: key -> list of values
    return result
`,
  },
  call: {
    javascript: `return entry(input);`,
    python: `return entry(input)`,
  },
  tests: [
    { name: 'repeated keys', input: 'foo=1&bar=2&foo=3', hidden: false },
    { name: 'URL encoding and plus signs', input: 'name=Ada%20Lovelace&q=a+b%2Bc', hidden: false },
    { name: 'empty values', input: 'a=&b', hidden: false },
    { name: 'an empty string', input: '', hidden: true },
    { name: 'a leading question mark', input: '?x=1', hidden: true },
    { name: 'split on the first "=" only', input: 'token=abc=def==', hidden: true },
    { name: 'empty tokens are skipped', input: '&&a=1&&b=2&', hidden: true },
    { name: 'an empty key is skipped', input: '=1&a=2', hidden: true },
    { name: 'encoded keys', input: 'user%5Bname%5D=x&caf%C3%A9=cr%C3%A8me', hidden: true },
    { name: 'a malformed escape is kept', input: 'p=100%&q=%zz+ok&r=%E2%82%AC', hidden: true },
    { name: 'the same key many times', input: 'id=3&id=1&id=2&id=1', hidden: true },
  ],
  oracle: (input) => parse(input as string),
  reference: {
    javascript: `function decode(text) {
  const spaced = text.replace(/\\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // malformed percent-escapes stay as written
  }
}

function parseQuery(query) {
  const result = {};
  for (const token of query.replace(/^\\?/, '').split('&')) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const key = decode(eq === -1 ? token : token.slice(0, eq));
    const value = eq === -1 ? '' : decode(token.slice(eq + 1));
    if (key === '') continue;
    if (!Object.hasOwn(result, key)) result[key] = [];
    result[key].push(value);
  }
  return result;
}
`,
    typescript: `function decode(text: string): string {
  const spaced = text.replace(/\\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

export function parseQuery(query: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const token of query.replace(/^\\?/, '').split('&')) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const key = decode(eq === -1 ? token : token.slice(0, eq));
    const value = eq === -1 ? '' : decode(token.slice(eq + 1));
    if (key === '') continue;
    (result[key] ??= []).push(value);
  }
  return result;
}
`,
    python: `from urllib.parse import unquote


def decode(text):
    spaced = text.replace('+', ' ')
    try:
        return unquote(spaced, errors='strict')
    except UnicodeDecodeError:
        return spaced


def parseQuery(query):
    result = {}
    if query.startswith('?'):
        query = query[1:]
    for token in query.split('&'):
        if token == '':
            continue
        key, sep, value = token.partition('=')
        key = decode(key)
        if key == '':
            continue
        result.setdefault(key, []).append(decode(value) if sep else '')
    return result
`,
  },
};
