import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from './decode.ts';

const decl = (enc: string, body: string) => `<?xml version="1.0" encoding="${enc}"?><t>${body}</t>`;

describe('decodeFeed', () => {
  it('trusts a byte-order mark first (UTF-8, UTF-16 LE/BE, UTF-32)', () => {
    expect(
      decodeFeed(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(decl('iso-8859-1', 'é'))])),
    ).toMatchObject({ text: decl('iso-8859-1', 'é'), encoding: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>Ü</t>', 'utf16le')]);
    expect(decodeFeed(le)).toMatchObject({ text: '<t>Ü</t>', encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<t>Ü</t>', 'utf16le').swap16()]);
    expect(decodeFeed(be)).toMatchObject({ text: '<t>Ü</t>', encoding: 'utf-16be' });
    const u32 = Buffer.alloc(4 * 4);
    [0xfeff, 0x3c, 0x1f600, 0x3e].forEach((cp, k) => u32.writeUInt32BE(cp, k * 4));
    expect(decodeFeed(u32).text).toBe('<\u{1f600}>');
  });

  it('sniffs UTF-16 without a BOM from "<?"', () => {
    expect(decodeFeed(Buffer.from('<?xml version="1.0"?><t/>', 'utf16le')).encoding).toBe('utf-16le');
  });

  it('lets the HTTP charset override the XML declaration (RFC 7303), without calling it an error', () => {
    const body = iconv.encode(decl('utf-8', 'Café'), 'latin1');
    const d = decodeFeed(body, 'ISO-8859-1');
    expect(d).toMatchObject({ encoding: 'windows-1252', problem: undefined });
    expect(d.text).toContain('Café');
  });

  it('reads GB2312 as its superset GB18030', () => {
    expect(decodeFeed(iconv.encode(decl('gb2312', '中文'), 'gb18030'))).toMatchObject({
      encoding: 'gb18030',
      text: decl('gb2312', '中文'),
    });
  });

  it('follows the XML declaration: latin-1 (read as windows-1252), koi8-r, shift_jis', () => {
    expect(decodeFeed(iconv.encode(decl('iso-8859-1', 'Caf\u00e9 \u2019'), 'windows-1252')).text).toContain(
      'Café \u2019',
    );
    expect(decodeFeed(iconv.encode(decl('koi8-r', 'Привет'), 'koi8-r')).text).toContain('Привет');
    expect(decodeFeed(iconv.encode(decl('Shift_JIS', '日本'), 'shift_jis')).text).toContain('日本');
  });

  it('falls back to windows-1252 when bytes are not valid UTF-8, and says so', () => {
    const d = decodeFeed(Buffer.concat([Buffer.from('<t>don'), Buffer.from([0x92]), Buffer.from('t</t>')]));
    expect(d).toMatchObject({ text: '<t>don\u2019t</t>', encoding: 'windows-1252' });
    expect(d.problem).toMatch(/windows-1252/);
  });

  it('reads unknown declared encodings as UTF-8 and flags them', () => {
    const d = decodeFeed(Buffer.from(decl('x-klingon', 'ok')));
    expect(d.text).toContain('ok');
    expect(d.problem).toMatch(/unknown encoding/);
  });

  it('passes strings through, minus a BOM', () => {
    expect(decodeFeed('\uFEFF<t/>')).toEqual({ text: '<t/>', encoding: 'utf-8' });
  });
});

describe('demoronise', () => {
  it('reads C1 controls in UTF-8 text as the windows-1252 punctuation they stand for', () => {
    expect(decodeFeed(Buffer.from('<t>don\u0092t \u0093q\u0094 \u0080</t>')).text).toBe(
      '<t>don\u2019t \u201cq\u201d \u20ac</t>',
    );
  });
});
