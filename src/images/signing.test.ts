import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { imageLinks } from './links.ts';
import { decodeImageUrl, encodeImageUrl, ImageSigner, proxiableUrl } from './signing.ts';

const signer = new ImageSigner(crypto.randomBytes(32));
const URL1 = 'https://cdn.example/pics/a.jpg?w=2000&q=80';

describe('ImageSigner', () => {
  it('verifies its own signatures and nothing else', () => {
    const sig = signer.sign(URL1);
    expect(sig).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(signer.verify(URL1, sig)).toBe(true);
    expect(signer.verify(`${URL1}x`, sig)).toBe(false);
    expect(signer.verify(URL1, `${sig.slice(0, 21)}${sig[21] === 'A' ? 'B' : 'A'}`)).toBe(false);
    expect(signer.verify(URL1, sig.slice(0, 20))).toBe(false);
    expect(signer.verify(URL1, '')).toBe(false);
    expect(new ImageSigner(crypto.randomBytes(32)).verify(URL1, sig)).toBe(false);
  });

  it('carries the URL in the path and takes back only http(s) URLs', () => {
    expect(decodeImageUrl(encodeImageUrl(URL1))).toBe(URL1);
    expect(decodeImageUrl(encodeImageUrl('javascript:alert(1)'))).toBeNull();
    expect(decodeImageUrl(encodeImageUrl('file:///etc/passwd'))).toBeNull();
    expect(decodeImageUrl('not base64!')).toBeNull();
    expect(proxiableUrl('https://user:pw@cdn.example/a.jpg')).toBe(false);
    expect(proxiableUrl(`https://cdn.example/${'a'.repeat(3000)}.jpg`)).toBe(false);
    expect(proxiableUrl('http://cdn.example/a.jpg')).toBe(true);
  });
});

describe('imageLinks', () => {
  it('writes signed paths with a srcset, signing each URL once', () => {
    let signed = 0;
    const counting = { sign: (u: string) => (signed++, signer.sign(u)) } as ImageSigner;
    const links = imageLinks(counting, { baseUrl: 'https://news.example/' });
    const src = links.src(URL1, 640)!;
    const [, , sig, width, encoded] = src.split('/');
    expect(signer.verify(decodeImageUrl(encoded!)!, sig!)).toBe(true);
    expect(width).toBe('640');
    expect(links.srcset(URL1, [320, 640])).toBe(`${src.replace('/640/', '/320/')} 320w, ${src} 640w`);
    expect(links.absolute(URL1, 1280)).toBe(`https://news.example${src.replace('/640/', '/1280/')}`);
    for (let i = 0; i < 10; i++) links.src(URL1, 960);
    expect(signed).toBe(1);
  });

  it('leaves out what cannot be proxied, and serves its own pictures from its own path', () => {
    const links = imageLinks(signer, {
      baseUrl: 'https://news.example',
      ownPath: (u) => (u.startsWith('http://localhost:3000/demo/') ? new URL(u).pathname : null),
    });
    expect(links.src('data:image/png;base64,AAAA', 640)).toBeNull();
    expect(links.srcset('javascript:alert(1)', [320])).toBe('');
    expect(links.src('http://localhost:3000/demo/source/images/a.svg', 640)).toBe('/demo/source/images/a.svg');
    expect(links.srcset('http://localhost:3000/demo/source/images/a.svg', [320])).toBe('');
  });
});
