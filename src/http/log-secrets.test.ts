// No secret reaches the log: a real server logs to a stream we read back, while a reader signs up
// (the verification mail is written to a file, as on a default install), follows the mailed link,
// asks for a password reset, and searches.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger, redactUrl } from '../log.ts';
import { buildServer } from '../server.tsx';
import { createTestDatabase, type TestDatabase } from '../test-support/databases.ts';

describe('redactUrl', () => {
  it('replaces query values but the plain ones, and leaves paths alone', () => {
    expect(redactUrl('/reset?token=abc123')).toBe('/reset?token=[redacted]');
    expect(redactUrl('/search?q=my+symptoms&page=2')).toBe('/search?q=[redacted]&page=2');
    expect(redactUrl('/a/12/harbour-ferry')).toBe('/a/12/harbour-ferry');
    expect(redactUrl('https://x.example/verify?token=s3cret#top')).toBe(
      'https://x.example/verify?token=[redacted]#top',
    );
    expect(redactUrl('/x?flag&token=a=b')).toBe('/x?flag&token=[redacted]');
  });
});

describe('the request log', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let logged = '';
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const log = createLogger('info', {
      destination: new Writable({
        write(chunk, _enc, done) {
          logged += chunk.toString();
          done();
        },
      }),
    });
    const dataDir = fs.mkdtempSync('/tmp/masthead-log-');
    app = await buildServer({
      config: { ...loadConfig({ DATA_DIR: dataDir }), demo: false },
      database,
      log,
      baseUrl: 'http://masthead.test',
    });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const remember = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) cookies.set(c.name, c.value);
    return res;
  };
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const get = async (url: string) => remember(await app.inject({ url, headers: { cookie: cookie() } }));
  const submit = async (page: string, action: string, fields: Record<string, string>) => {
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await get(page)).body)?.[1] ?? '';
    return remember(
      await app.inject({
        method: 'POST',
        url: action,
        payload: new URLSearchParams({ ...fields, _csrf: csrf }).toString(),
        headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  };

  it('never holds a token, a password or a search term', async () => {
    const password = 'correct horse battery staple';
    expect((await submit('/signup', '/signup', { email: 'reader@example.org', password })).statusCode).toBe(303);
    // The mail worker writes the verification mail to a file and logs that it did.
    let file: string | undefined;
    for (let tries = 0; tries < 200 && !file; tries++) {
      file = /"file":"([^"]+\.eml)"/.exec(logged)?.[1];
      if (!file) await new Promise((r) => setTimeout(r, 25));
    }
    expect(file, 'the mail was written and logged').toBeTruthy();
    const mail = fs.readFileSync(file!, 'utf8').replace(/=\r?\n/g, '');
    const link = /http:\/\/masthead\.test(\/verify\?token=3D[\w-]+|\/verify\?token=[\w-]+)/.exec(mail)?.[1];
    expect(link, 'the mail holds the verification link').toBeTruthy();
    const token = link!.replace('token=3D', 'token=').split('token=')[1]!;
    expect(token.length).toBeGreaterThan(16);

    // The reader follows the link, asks for a reset with a made-up token in the URL, and searches.
    expect((await get(`/verify?token=${token}`)).statusCode).toBe(200);
    await get('/reset?token=made-up-reset-token-0123456789');
    await get('/search?q=private+medical+question&page=2');

    expect(logged).toContain('"url":"/verify?token=[redacted]"');
    expect(logged).toContain('"url":"/search?q=[redacted]&page=2"');
    expect(logged).toContain('[redacted]');
    for (const secret of [token, 'made-up-reset-token-0123456789', 'private+medical', password, 'horse'])
      expect(logged, secret).not.toContain(secret);
  });
});
