import { layoutPage, type PositionedText } from './pdf-layout';

/** One item per line, like pdfkit and most generators write them; y counts down from the top of an A4 page. */
function at(x: number, y: number, text: string, fontSize = 11): PositionedText {
  return { text, x, y, width: text.length * fontSize * 0.5, fontSize };
}

/** Lines stacked `pitch` units apart from `top`. */
function column(x: number, top: number, lines: string[], pitch = 14): PositionedText[] {
  return lines.map((line, i) => at(x, top - i * pitch, line));
}

describe('layoutPage', () => {
  it('reads one column top to bottom, joining pieces of a line', () => {
    const items = [
      at(50, 700, 'Zoë Åkesson', 20),
      // A word split by kerning (no space), then a word after a visible space.
      { text: 'Staff engi', x: 50, y: 670, width: 55, fontSize: 11 },
      { text: 'neer', x: 105, y: 670, width: 22, fontSize: 11 },
      { text: 'at Northwind', x: 131, y: 670, width: 66, fontSize: 11 },
      at(50, 656, 'Stockholm'),
      { text: ' ', x: 120, y: 656, width: 3, fontSize: 11 },
      // A paragraph's worth of space above: a blank line.
      at(50, 620, 'Experience'),
    ];

    expect(layoutPage(items)).toEqual({
      lines: ['Zoë Åkesson', 'Staff engineer at Northwind', 'Stockholm', '', 'Experience'],
      columns: false,
    });
  });

  it('reads a left column before a right one, under a full-width header', () => {
    const left = ['SKILLS', 'TypeScript', 'PostgreSQL', 'Kafka', 'LANGUAGES', 'Swedish', 'English'];
    const right = [
      'EXPERIENCE',
      'Led the migration of the billing platform from a',
      'monolith to event-driven services, cutting latency',
      'from hours to seconds.',
    ];
    const items = [
      at(50, 780, 'Zoë Åkesson · zoe@example.com · +46 70 123 45 67 · Stockholm, Sweden · github.com/zoe', 10),
      ...column(50, 740, left),
      ...column(230, 740, right),
    ];

    const { lines, columns } = layoutPage(items);

    expect(columns).toBe(true);
    expect(lines).toEqual([items[0].text, '', ...left, '', ...right]);
  });

  it('starts a new band at a title across the page, and reads each band by columns', () => {
    const items = [
      ...column(50, 760, ['Skills', 'Go', 'Rust'], 16),
      ...column(300, 760, ['Profile', 'Backend engineer who', 'likes boring tech', 'and short meetings'], 12),
      at(50, 700, 'EXPERIENCE AT NORTHWIND LOGISTICS AND BEFORE THAT AT CONTOSO PAYMENTS AND FABRIKAM', 11),
      ...column(50, 670, ['2020–2024', 'Stockholm', 'Remote'], 16),
      ...column(300, 670, ['Staff engineer', 'Ran the billing team', 'and its on-call'], 12),
    ];

    expect(layoutPage(items).lines).toEqual([
      'Skills',
      'Go',
      'Rust',
      '',
      'Profile',
      'Backend engineer who',
      'likes boring tech',
      'and short meetings',
      '',
      items[7].text,
      '',
      '2020–2024',
      'Stockholm',
      'Remote',
      '',
      'Staff engineer',
      'Ran the billing team',
      'and its on-call',
    ]);
  });

  it('reads a table (every left row beside a right row) row by row', () => {
    const items = [
      ...column(50, 760, ['Languages', 'Frameworks', 'Databases', 'Tools']),
      ...column(200, 760, ['TypeScript, Go, Python', 'React, NestJS', 'PostgreSQL, Redis', 'Docker, Terraform']),
    ];
    expect(layoutPage(items).lines).toEqual([
      'Languages  TypeScript, Go, Python',
      'Frameworks  React, NestJS',
      'Databases  PostgreSQL, Redis',
      'Tools  Docker, Terraform',
    ]);
  });

  it('keeps right-aligned dates on the row of their job title', () => {
    const items = [
      at(50, 760, 'Staff engineer, Northwind'),
      at(480, 760, '2020–2024'),
      at(50, 746, 'Senior engineer, Contoso'),
      at(480, 746, '2017–2020'),
      at(50, 732, 'Engineer, Fabrikam'),
      at(480, 732, '2014–2017'),
      at(50, 718, 'Intern, Tailspin'),
      at(480, 718, '2013–2014'),
    ];

    expect(layoutPage(items)).toEqual({
      lines: [
        'Staff engineer, Northwind  2020–2024',
        'Senior engineer, Contoso  2017–2020',
        'Engineer, Fabrikam  2014–2017',
        'Intern, Tailspin  2013–2014',
      ],
      columns: false,
    });
  });

  it('does not take the space between a column above and a column below for a gutter', () => {
    const items = [
      ...column(50, 760, ['One', 'Two', 'Three', 'Four']),
      ...column(300, 600, ['Five', 'Six', 'Seven', 'Eight']),
    ];
    expect(layoutPage(items)).toEqual({
      lines: ['One', 'Two', 'Three', 'Four', '', 'Five', 'Six', 'Seven', 'Eight'],
      columns: false,
    });
  });

  it('copes with nothing, blanks, and absurd coordinates without allocating for them', () => {
    expect(layoutPage([])).toEqual({ lines: [], columns: false });
    expect(layoutPage([at(0, 0, '   '), { ...at(0, 0, 'x'), x: Number.NaN }])).toEqual({ lines: [], columns: false });
    const wide = [...column(0, 700, ['a', 'b', 'c', 'd']), ...column(1e9, 700, ['e', 'f', 'g', 'h'])];
    expect(layoutPage(wide).lines).toEqual(['a  e', 'b  f', 'c  g', 'd  h']);
  });
});
