import { findDateRange, yearsCovered } from './date-range.parser';

describe('findDateRange', () => {
  it.each([
    ['Jan 2020 – Present', '2020-01', null, true],
    ['2019-03 to 2021-11', '2019-03', '2021-11', false],
    ['03/2019 - 11/2021', '2019-03', '2021-11', false],
    ['2018 – 2020', '2018', '2020', false],
    ['Since 2022', '2022', null, true],
    ['Sep. 2017 — Mar 2019', '2017-09', '2019-03', false],
    ['June 2015 to December 2017', '2015-06', '2017-12', false],
    ["Jan '20 - Dec '21", '2020-01', '2021-12', false],
    ['März 2019 – heute', '2019-03', null, true],
    ['depuis janvier 2021', '2021-01', null, true],
    ['2020年4月〜現在', '2020-04', null, true],
    ['Jan 2021 –', '2021-01', null, true],
    ['Senior Engineer, Acme   2016', '2016', '2016', false],
  ])('reads "%s"', (text, start, end, current) => {
    expect(findDateRange(text)).toMatchObject({ start, end, current });
  });

  it('finds nothing in a line without dates', () => {
    expect(findDateRange('Led a team of 12 people')).toBeNull();
  });
});

describe('yearsCovered', () => {
  it('merges overlapping ranges and counts open ones up to the given month', () => {
    const ranges = [
      { start: '2020-01', end: null, current: true },
      { start: '2019-03', end: '2020-06', current: false },
    ];
    expect(yearsCovered(ranges, '2024-12')).toBe(5.8);
  });

  it('is null without any dated range', () => {
    expect(yearsCovered([{ start: null, end: null, current: false }], '2024-12')).toBeNull();
  });
});
