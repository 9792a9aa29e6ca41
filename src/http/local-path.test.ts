import { describe, expect, it } from 'vitest';
import { localPath } from './local-path.ts';

describe('local paths for redirects', () => {
  it('keeps same-site paths, normalised to ASCII', () => {
    expect(localPath('/a/1/story?x=1#c')).toBe('/a/1/story?x=1#c');
    expect(localPath('/search?q=café')).toBe('/search?q=caf%C3%A9');
    expect(localPath('/t/../account')).toBe('/account');
  });

  it('refuses anything a browser could read as another site, or that breaks the header', () => {
    for (const bad of [
      '//evil.example',
      '/\t/evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\r\nSet-Cookie: x=1',
      '/\n/evil',
      ' /a',
      '/a b',
      '',
      '/%0a'.replace('%0a', '\n'),
      'evil.example',
      '/\u0085x',
      42,
      null,
      undefined,
      '/'.padEnd(3000, 'a'),
    ]) {
      expect(localPath(bad), JSON.stringify(bad)).toBeUndefined();
    }
    // Encoded forms stay encoded: harmless paths on this site.
    expect(localPath('/%09/evil.example')).toBe('/%09/evil.example');
    expect(localPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});
