// Bytes → text for XML feeds. Order of authority: a byte-order mark, then the
// HTTP charset (RFC 3023: it overrides the document), then the XML
// declaration, then UTF-8. Bytes that are not valid in the chosen encoding
// fall back to windows-1252 (what such feeds nearly always are) and flag the
// document as not well-formed.
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
  /** Why the document's encoding was not what it said, if it was not. */
  problem?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** C1 control characters (U+0080–U+009F) in text: windows-1252 punctuation written as if it were Unicode. */
const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;
const cp1252 = (c: string) => {
  const b = Buffer.from([c.charCodeAt(0)]);
  const t = iconv.decode(b, 'windows-1252');
  return t === c ? c : t;
};

/** Maps C1 controls onto the windows-1252 characters they nearly always meant (’ “ ” – — €), as browsers and feedparser do. */
export function demoronise(text: string): string {
  return C1.test(text) ? text.replace(C1_ALL, cp1252) : text;
}

function sniff(b: Buffer): { encoding: string; bom: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { encoding: 'utf-32be', bom: 4 };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', bom: 4 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  // No BOM, but "<?" in a wide encoding.
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x3c) return { encoding: 'utf-32be', bom: 0 };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x00 && b[3] === 0x00) return { encoding: 'utf-32le', bom: 0 };
  if (b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f) return { encoding: 'utf-16be', bom: 0 };
  if (b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00) return { encoding: 'utf-16le', bom: 0 };
  return null;
}

function decodeWide(b: Buffer, encoding: string): string {
  if (encoding === 'utf-16le') return b.toString('utf16le');
  if (encoding === 'utf-16be') return Buffer.from(b).swap16().toString('utf16le');
  // UTF-32: walk code points.
  const le = encoding === 'utf-32le';
  let out = '';
  for (let i = 0; i + 3 < b.length; i += 4) out += String.fromCodePoint(le ? b.readUInt32LE(i) : b.readUInt32BE(i));
  return out;
}

const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-sjis': 'shift_jis',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
};

/** A charset label as we decode it: lower-cased, unquoted, latin-1 and ASCII read as windows-1252 (WHATWG). */
export function canonicalEncoding(name: string): string {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  return ALIASES[n] ?? n;
}

export function declaredEncoding(b: Buffer): string | undefined {
  const head = b.subarray(0, 300).toString('latin1');
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

export function decodeFeed(input: Buffer | string, httpCharset?: string): Decoded {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const sniffed = sniff(input);
  if (sniffed && sniffed.encoding !== 'utf-8') {
    return {
      text: decodeWide(input.subarray(sniffed.bom), sniffed.encoding).replace(/^\uFEFF/, ''),
      encoding: sniffed.encoding,
    };
  }
  const body = sniffed ? input.subarray(sniffed.bom) : input;
  const declared = declaredEncoding(body);
  const chosen = sniffed ? 'utf-8' : canonicalEncoding(httpCharset || declared || 'utf-8');
  // An HTTP charset that overrides the declaration is not an error (RFC 7303 §3.2: the header is authoritative).
  const problem: string | undefined = undefined;
  if (chosen === 'utf-8' || chosen === 'utf8') {
    try {
      return { text: demoronise(utf8.decode(body)), encoding: 'utf-8', problem };
    } catch {
      return {
        text: iconv.decode(body, 'windows-1252'),
        encoding: 'windows-1252',
        problem: `document declared as ${declared ?? httpCharset ?? 'utf-8'} but contains bytes that are not; read as windows-1252`,
      };
    }
  }
  if (!iconv.encodingExists(chosen)) {
    try {
      return { text: utf8.decode(body), encoding: 'utf-8', problem: `unknown encoding "${chosen}"; read as utf-8` };
    } catch {
      return {
        text: iconv.decode(body, 'windows-1252'),
        encoding: 'windows-1252',
        problem: `unknown encoding "${chosen}"; read as windows-1252`,
      };
    }
  }
  return { text: iconv.decode(body, chosen), encoding: chosen, problem };
}
