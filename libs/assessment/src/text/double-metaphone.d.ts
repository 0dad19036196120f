/** double-metaphone 1.x (CommonJS, no bundled types): the primary and alternate Double Metaphone codes of a word. */
declare module 'double-metaphone' {
  function doubleMetaphone(value: string): [primary: string, secondary: string];
  export = doubleMetaphone;
}
