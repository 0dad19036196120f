import { describe, expect, it } from '@jest/globals';
import { inlineSpans, statementBlocks } from './statement';

describe('statementBlocks', () => {
  it('joins wrapped lines into paragraphs and bullets into lists, with indented lines going on with their bullet', () => {
    const statement = [
      'Write a function `parseQuery(query)` that parses a raw query string into a map from each key to the list of',
      'its values.',
      '',
      '- A leading `?` is ignored.',
      '- Keys and values are URL-decoded. A token whose',
      '  percent-escapes cannot be decoded keeps them.',
      '',
      "Use your language's standard library.",
    ].join('\n');
    expect(statementBlocks(statement)).toEqual([
      {
        kind: 'paragraph',
        text: 'Write a function `parseQuery(query)` that parses a raw query string into a map from each key to the list of its values.',
      },
      {
        kind: 'list',
        items: [
          'A leading `?` is ignored.',
          'Keys and values are URL-decoded. A token whose percent-escapes cannot be decoded keeps them.',
        ],
      },
      { kind: 'paragraph', text: "Use your language's standard library." },
    ]);
  });

  it('ends a list at an unindented line, and a paragraph at a bullet', () => {
    expect(statementBlocks('Rules:\n- one\n- two\nAfter.\r\n\r\n\n')).toEqual([
      { kind: 'paragraph', text: 'Rules:' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'paragraph', text: 'After.' },
    ]);
    expect(statementBlocks('')).toEqual([]);
  });
});

describe('inlineSpans', () => {
  it('splits out code spans', () => {
    expect(inlineSpans('`a=1=2` gives `{ "a": ["1=2"] }`.')).toEqual([
      { code: true, text: 'a=1=2' },
      { code: false, text: ' gives ' },
      { code: true, text: '{ "a": ["1=2"] }' },
      { code: false, text: '.' },
    ]);
  });

  it('keeps a lone backtick as text', () => {
    expect(inlineSpans('a `b` c ` d')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c ` d' },
    ]);
    expect(inlineSpans('plain')).toEqual([{ code: false, text: 'plain' }]);
  });
});
