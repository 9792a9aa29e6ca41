import { describe, expect, it } from 'vitest';
import { kid, textOf } from './xml-query.ts';
import { parseXml } from './xml-tree.ts';

const problems = (xml: string) => parseXml(xml).problems;

describe('parseXml', () => {
  it('resolves namespaces to short keys, by declaration not by prefix', () => {
    const { root, problems: p } = parseXml(
      '<rss xmlns:x="http://purl.org/dc/elements/1.1/" xmlns:dc="urn:other"><x:creator>A</x:creator><dc:creator>B</dc:creator></rss>',
    );
    expect(p).toEqual([]);
    expect(textOf(kid(root, 'dc', 'creator'))).toBe('A');
    expect(textOf(kid(root, 'urn:other', 'creator'))).toBe('B');
  });

  it('finds nothing wrong with a well-formed document (comments, PIs, CDATA, DOCTYPE)', () => {
    expect(
      problems(
        '<?xml version="1.0"?><!-- c --><!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "http://x/rss.dtd"><rss a=\'1\' b="2"><![CDATA[<x>&]]>&amp;&#233;&#xE9;<?pi x?><e/></rss>',
      ),
    ).toEqual([]);
  });

  it('reports and recovers from each kind of ill-formedness', () => {
    const cases: [string, RegExp][] = [
      ['<r>a & b</r>', /unescaped &/],
      ['<r>&nbsp;</r>', /undefined entity &nbsp;/],
      ['<r><a></r>', /<a> not closed/],
      ['<r></a></r>', /matches no open element/],
      ['<r>x', /not closed at the end/],
      ['<r/>junk', /junk after the document element/],
      ['<r a=1/>', /unquoted attribute/],
      ['<r a="1" a="2"/>', /duplicate attribute/],
      ['<r a="<"/>', /"<" in an attribute value/],
      ['<r>1 < 2</r>', /"<" that does not start a tag/],
      ['<r><![CDATA[x</r>', /unterminated CDATA/],
      ['<r><x:y/></r>', /undeclared namespace prefix x:/],
      ['<r>\u0001</r>', /control characters/],
      ['<r><!-- a -- b --></r>', /"--" inside a comment/],
    ];
    for (const [xml, reason] of cases) expect(problems(xml).join('; '), xml).toMatch(reason);
  });

  it('recovers text as a reader would', () => {
    const r = parseXml('<r><t>Fish & Chips&nbsp;&eacute;&bogus;</t><u>1 < 2</u><v><b>bold</v></r>').root!;
    expect(textOf(kid(r, '', 't'))).toBe('Fish & Chips\u00a0é&bogus;');
    expect(textOf(kid(r, '', 'u'))).toBe('1 < 2');
    expect(textOf(kid(r, '', 'v'))).toBe('bold');
  });

  it('expands internal DTD entities with literal values, once, and nothing else', () => {
    const doc = parseXml(
      '<!DOCTYPE r [<!ENTITY id "tag:x,"><!ENTITY nest "&id;&id;"><!ENTITY ext SYSTEM "file:///etc/passwd">]><r>&id;1 &nest; &ext;</r>',
    );
    expect(textOf(doc.root)).toBe('tag:x,1 &nest; &ext;');
    expect(doc.problems.join()).toMatch(/not expanded/);
  });

  it('caps nesting and attributes, iteratively', () => {
    const deep = parseXml(`<r>${'<d>'.repeat(100_000)}${'</d>'.repeat(100_000)}<after/></r>`);
    expect(deep.problems.join()).toMatch(/nesting deeper than 256/);
    expect(kid(deep.root, '', 'after')).toBeDefined();
    const many = parseXml(`<r ${Array.from({ length: 10_000 }, (_, k) => `a${k}="v"`).join(' ')}/>`);
    expect(Object.keys(many.root!.attrs)).toHaveLength(256);
    expect(many.problems.join()).toMatch(/more than 256 attributes/);
  });

  it('reports a document with no elements', () => {
    expect(parseXml('just text').root).toBeNull();
  });
});
