import { findActiveHtml } from './active-content';

describe('findActiveHtml', () => {
  it.each([
    ['<script>alert(1)</script>', 'a <script> tag'],
    ['< SCRIPT src="x.js">', 'a <script> tag'],
    ['<iframe src="https://example.com">', 'an <iframe> tag'],
    ['<embed src="x.swf">', 'an <object> or <embed> tag'],
    ['[me](javascript:alert(1))', 'a javascript: link'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'a javascript: link'],
    ['<img src=x onerror=alert(1)>', 'an HTML event handler (like onclick=)'],
    ['<svg/onload="alert(1)">', 'an HTML event handler (like onclick=)'],
  ])('finds %s', (text, what) => {
    expect(findActiveHtml(`Zoë Åkesson\n${text}\n`)).toBe(what);
  });

  it.each([
    'JavaScript: 9 years, TypeScript: 6 years',
    'Skills: Java, JavaScript , Python',
    'onboarding = 2 weeks; on-call = yes',
    'Wrote <b>bold</b> and <em>careful</em> code; a < b and c > d',
    'Built script loaders and iframes-free widgets',
  ])('lets prose through: %s', (text) => {
    expect(findActiveHtml(text)).toBeNull();
  });
});
