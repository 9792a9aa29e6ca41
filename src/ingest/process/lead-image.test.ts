import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ARTICLE_CAPS } from '../parse/limits.ts';
import type { ParsedMedia } from '../parse/types.ts';
import { chooseLeadImage, sameImage, splitCredit, textWithin } from './lead-image.ts';
import { isTrackingImage } from './tracking.ts';

const base = 'https://h.example/s/1';
const m = (over: Partial<ParsedMedia>): ParsedMedia => ({
  url: 'https://h.example/i.jpg',
  source: 'media:content',
  ...over,
});

describe('splitCredit', () => {
  it('splits a trailing credit in parentheses', () => {
    expect(splitCredit('Boats at dawn (AFP via Getty Images)')).toEqual({
      caption: 'Boats at dawn',
      credit: 'AFP via Getty Images',
    });
    expect(splitCredit('The mayor (Mara Quint/Harbour Wire)')).toEqual({
      caption: 'The mayor',
      credit: 'Mara Quint/Harbour Wire',
    });
    expect(splitCredit('Just a caption (in brackets)')).toEqual({ caption: 'Just a caption (in brackets)' });
  });

  it('splits labelled credits', () => {
    expect(splitCredit('The new bridge. Photograph: Mara Quint/Harbour Wire')).toEqual({
      caption: 'The new bridge',
      credit: 'Mara Quint/Harbour Wire',
    });
    expect(splitCredit('Photo: Jane Doe')).toEqual({ credit: 'Jane Doe' });
    expect(splitCredit('Harbour at night Credit: Port Authority')).toEqual({
      caption: 'Harbour at night',
      credit: 'Port Authority',
    });
    expect(splitCredit('A quiet street. Photo by Ann Poe on Unsplash')).toEqual({
      caption: 'A quiet street',
      credit: 'Ann Poe on Unsplash',
    });
    expect(splitCredit('Old pier © Harbour Museum')).toEqual({ caption: 'Old pier', credit: '© Harbour Museum' });
  });

  it('leaves captions alone when a label word is just a word', () => {
    expect(splitCredit('What the image: a view of the bay')).toEqual({ caption: 'What the image: a view of the bay' });
  });

  it('returns plain text', () => {
    expect(splitCredit('<script>alert(1)</script><b>Boats</b> &amp; nets (Reuters)')).toEqual({
      caption: 'Boats & nets',
      credit: 'Reuters',
    });
    expect(splitCredit(undefined)).toEqual({});
  });
});

describe('chooseLeadImage', () => {
  it('prefers the largest media:content image and carries its caption and credit', () => {
    const media = [
      m({ url: 'https://h.example/thumb.jpg', source: 'media:thumbnail' }),
      m({ url: 'https://h.example/small.jpg', medium: 'image', width: 300, height: 200 }),
      m({
        url: 'https://h.example/large.jpg',
        medium: 'image',
        width: 1200,
        height: 800,
        caption: 'Ferry at dawn',
        credit: 'Harbour Wire',
      }),
      m({ url: 'https://h.example/clip.mp4', medium: 'video', width: 1920, height: 1080 }),
    ];
    expect(chooseLeadImage(media, '', undefined, base)).toEqual({
      url: 'https://h.example/large.jpg',
      caption: 'Ferry at dawn',
      credit: 'Harbour Wire',
      width: 1200,
      height: 800,
    });
  });

  it('falls back through thumbnail, image enclosure and itunes:image', () => {
    expect(
      chooseLeadImage(
        [
          m({ url: 'https://h.example/t.jpg', source: 'media:thumbnail' }),
          m({ url: 'https://h.example/e.jpg', source: 'enclosure', type: 'image/jpeg' }),
        ],
        '',
      )?.url,
    ).toBe('https://h.example/t.jpg');
    expect(
      chooseLeadImage(
        [
          m({ url: 'https://h.example/a.mp3', source: 'enclosure', type: 'audio/mpeg' }),
          m({ url: 'https://h.example/e.jpg', source: 'enclosure', type: 'image/jpeg' }),
        ],
        '',
      )?.url,
    ).toBe('https://h.example/e.jpg');
    expect(
      chooseLeadImage(
        [m({ url: 'https://h.example/show.png', source: 'itunes:image' })],
        '<p><img src="/body.jpg"></p>',
        undefined,
        base,
      )?.url,
    ).toBe('https://h.example/show.png');
  });

  it('takes the first real picture in the body, skipping pixels and icons, with its figure caption', () => {
    const body =
      '<p><img src="https://pixel.wp.com/g.gif"><img src="/icon.png" width="16" height="16"><img src="/t.gif" width="1" height="1"></p><figure><img src="/lead.jpg" width="800" height="450" alt="alt text"><figcaption>The morning ferry (AFP via Getty Images)</figcaption></figure>';
    expect(chooseLeadImage([], body, 'https://h.example/og.jpg', base)).toEqual({
      url: 'https://h.example/lead.jpg',
      caption: 'The morning ferry',
      credit: 'AFP via Getty Images',
      width: 800,
      height: 450,
    });
    expect(chooseLeadImage([], '<p><img src="/a.jpg" alt="A &amp; B"></p>', undefined, base)).toEqual({
      url: 'https://h.example/a.jpg',
      caption: 'A & B',
    });
  });

  it('uses the page og:image last, and refuses non-http URLs everywhere', () => {
    expect(chooseLeadImage([], '<p>No pictures.</p>', 'https://h.example/og.jpg', base)).toEqual({
      url: 'https://h.example/og.jpg',
    });
    expect(
      chooseLeadImage(
        [m({ url: 'javascript:alert(1)', medium: 'image' })],
        '<img src="data:image/png;base64,AAAA">',
        'javascript:x',
        base,
      ),
    ).toBeNull();
  });

  it('finds the caption of a feed image in the body figure that shows it', () => {
    const body =
      '<figure><img src="https://h.example/lead-300x200.jpg"><figcaption>Quay at dusk. Photo: Ann Poe</figcaption></figure>';
    expect(chooseLeadImage([m({ url: 'https://h.example/lead.jpg', medium: 'image' })], body, undefined, base)).toEqual(
      { url: 'https://h.example/lead.jpg', caption: 'Quay at dusk', credit: 'Ann Poe' },
    );
  });
});

describe('lead image from hostile markup', () => {
  it('survives 20,000 nested <b> in a <figcaption> (once a stack overflow that failed the whole feed)', () => {
    const body = `<figure><img src="/lead.jpg" width="800" height="450"><figcaption>${'<b>'.repeat(20_000)}Boats at dawn (AFP via Getty Images)${'</b>'.repeat(20_000)}</figcaption></figure><p>Text.</p>`;
    expect(chooseLeadImage([], body, undefined, base)).toEqual({
      url: 'https://h.example/lead.jpg',
      caption: 'Boats at dawn',
      credit: 'AFP via Getty Images',
      width: 800,
      height: 450,
    });
    // A feed image matched to its figure in the same body.
    expect(
      chooseLeadImage([m({ url: 'https://h.example/lead.jpg', medium: 'image' })], body, undefined, base),
    ).toMatchObject({ caption: 'Boats at dawn' });
  });

  it('reads text iteratively and stops once it has enough', () => {
    const doc = parseDocument(`<figcaption>${'<i>'.repeat(200)}${'word '.repeat(10_000)}</figcaption>`);
    expect(textWithin(doc, 100)).toHaveLength(100);
    expect(textWithin(doc, 100).startsWith('word word')).toBe(true);
  });

  it('keeps captions and credits within their caps, however long the feed makes them', () => {
    const image = chooseLeadImage(
      [m({ medium: 'image', caption: `${'long caption '.repeat(2000)}(Harbour Wire)`, credit: 'c'.repeat(5000) })],
      '',
      undefined,
      base,
    )!;
    expect(image.caption!.length).toBeLessThanOrEqual(ARTICLE_CAPS.caption);
    expect(image.credit!.length).toBeLessThanOrEqual(ARTICLE_CAPS.credit);
    expect(
      chooseLeadImage([m({ url: `https://h.example/${'a'.repeat(9000)}.jpg`, medium: 'image' })], '', undefined, base),
    ).toBeNull();
  });

  it('splits credits the same way with runs of punctuation and parentheses', () => {
    expect(splitCredit(`Boats ${'.'.repeat(10_000)} (Reuters)`)).toEqual({ caption: 'Boats', credit: 'Reuters' });
    expect(splitCredit(`${'('.repeat(10_000)}x`)).toEqual({ caption: `${'('.repeat(10_000)}x` });
    expect(splitCredit('Old pier © ')).toEqual({ caption: 'Old pier ©' });
  });
});

describe('image identity and trackers', () => {
  it('treats resized copies as the same picture', () => {
    expect(sameImage('https://h.example/a-300x200.jpg?w=1', 'http://h.example/a.jpg')).toBe(true);
    expect(sameImage('https://h.example/a.jpg', 'https://h.example/b.jpg')).toBe(false);
  });

  it('knows tracking pixels', () => {
    expect(isTrackingImage('https://h.example/x.gif', 1, 1)).toBe(true);
    expect(isTrackingImage('https://feeds.feedburner.com/~r/x/~4/abc')).toBe(true);
    expect(isTrackingImage('https://stats.example.com/p.gif')).toBe(true);
    expect(isTrackingImage('https://ad.doubleclick.net/x')).toBe(true);
    expect(isTrackingImage('https://h.example/photo.jpg', 800, 600)).toBe(false);
  });
});
