// One publisher in the admin console: its details (new or edited), its feeds
// with their health, and the form that adds a feed to it.
import type { FeedHealthRow } from '../../catalog/feeds.ts';
import { SECTION_NAMES, SECTIONS } from '../../catalog/publishers.ts';
import type { PublisherRow } from '../../db/schema.ts';
import { AddFeedForm, FeedItem } from './admin-catalog.tsx';
import { AdminFrame, Empty } from './admin-layout.tsx';
import { Csrf } from './shell.tsx';

/** What the form shows: the stored publisher, or what was typed when it was refused. */
export interface PublisherFields {
  slug: string;
  name: string;
  homepage: string;
  logoUrl: string;
  description: string;
  language: string;
  country: string;
  sections: string[];
  brandColor: string;
}

export const fieldsOf = (p: PublisherRow): PublisherFields => ({
  slug: p.slug,
  name: p.name,
  homepage: p.homepage ?? '',
  logoUrl: p.logo_url ?? '',
  description: p.description ?? '',
  language: p.language ?? '',
  country: p.country ?? '',
  sections: JSON.parse(p.sections) as string[],
  brandColor: p.brand_color ?? '',
});

export const NEW_PUBLISHER: PublisherFields = {
  slug: '',
  name: '',
  homepage: '',
  logoUrl: '',
  description: '',
  language: 'en',
  country: '',
  sections: ['news'],
  brandColor: '',
};

export interface PublisherView {
  publisher: PublisherRow | null;
  fields: PublisherFields;
  feeds: FeedHealthRow[];
  now: number;
  csrfToken: string;
}

function PublisherForm({ v }: { v: PublisherView }) {
  const f = v.fields;
  const text = (name: keyof PublisherFields, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label} <input type="text" name={name} value={f[name] as string} {...extra} />
    </label>
  );
  return (
    <form method="post" action={v.publisher ? `/admin/publishers/${v.publisher.id}` : '/admin/publishers'}>
      <Csrf token={v.csrfToken} />
      {v.publisher
        ? null
        : text('slug', 'Short name for links (lower-case letters, digits and dashes)', {
            required: true,
            pattern: '[a-z0-9][a-z0-9-]*',
            maxLength: 64,
            placeholder: 'harbour-gazette',
          })}
      {text('name', 'Name', { required: true, maxLength: 200 })}
      {text('homepage', 'Website', { type: 'url', placeholder: 'https://…' })}
      {text('logoUrl', 'Logo image address (optional)', { type: 'url' })}
      {text('description', 'One line about the publication (optional)', { maxLength: 500 })}
      <div class="row">
        {text('language', 'Language', { maxLength: 20, size: 6 })}
        {text('country', 'Country code', { maxLength: 2, size: 4 })}
        {text('brandColor', 'Brand colour', { maxLength: 7, size: 8, placeholder: '#1f4e79' })}
      </div>
      <fieldset>
        <legend>Sections</legend>
        {SECTIONS.map((s) => (
          <label class="check">
            <input type="checkbox" name="sections" value={s} checked={f.sections.includes(s)} /> {SECTION_NAMES[s]}
          </label>
        ))}
      </fieldset>
      <button>{v.publisher ? 'Save' : 'Add publisher'}</button>
    </form>
  );
}

export function PublisherPage(v: PublisherView) {
  const p = v.publisher;
  const back = p ? `/admin/publishers/${p.id}` : '/admin';
  return (
    <AdminFrame current="/admin">
      <p class="back">
        <a href="/admin">← Publishers &amp; feeds</a>
      </p>
      <h1>{p ? p.name : 'Add a publisher'}</h1>
      <PublisherForm v={v} />
      {p && (
        <>
          <section aria-labelledby="feeds-h">
            <h2 id="feeds-h">Feeds</h2>
            {v.feeds.length === 0 ? (
              <Empty>No feeds yet: add the first one below.</Empty>
            ) : (
              <ul class="feeds">
                {v.feeds.map((f) => (
                  <FeedItem f={f} now={v.now} csrf={v.csrfToken} back={back} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="add-feed">
            <h2 id="add-feed">Add a feed</h2>
            <AddFeedForm publishers={[p]} fixed={p} csrf={v.csrfToken} back={back} />
          </section>
        </>
      )}
    </AdminFrame>
  );
}
