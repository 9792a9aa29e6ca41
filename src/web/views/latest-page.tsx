export interface LatestCard {
  title: string;
  standfirst: string;
  url: string;
  publisher: string;
  authors: string[];
  publishedAt: number;
  readingMinutes: number;
  imageUrl: string | null;
}

const css = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#5f5f5f;--bg:#fbfaf7;--line:#e4e1da}
@media (prefers-color-scheme:dark){:root{--fg:#ecebe8;--muted:#a8a6a0;--bg:#141414;--line:#2c2c2c}}
body{margin:0;font:17px/1.5 Georgia,'Times New Roman',serif;color:var(--fg);background:var(--bg)}
header,main{max-width:760px;margin:0 auto;padding:1rem}
header h1{font:700 2rem/1 system-ui,sans-serif;letter-spacing:-.02em;margin:.5rem 0}
header p{color:var(--muted);margin:0;font-family:system-ui,sans-serif}
article{border-top:1px solid var(--line);padding:1rem 0}
article h2{font-size:1.3rem;line-height:1.25;margin:.25rem 0}
article h2 a{color:inherit;text-decoration:none}article h2 a:hover{text-decoration:underline}
.meta{font:600 .8rem system-ui,sans-serif;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.empty{padding:3rem 0;color:var(--muted)}`;

export function LatestPage({ cards }: { cards: LatestCard[] }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Masthead: all your news in one place</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <header>
          <h1>Masthead</h1>
          <p>All your news in one place. Latest stories from every title.</p>
        </header>
        <main>
          {cards.length === 0 ? (
            <p class="empty">No stories yet. Add a feed with <code>masthead feeds add URL --publisher SLUG</code>, then run <code>masthead refresh</code>.</p>
          ) : (
            cards.map((c) => (
              <article>
                <div class="meta">
                  {c.publisher} · <time dateTime={new Date(c.publishedAt).toISOString()}>{new Date(c.publishedAt).toUTCString().slice(0, 22)}</time> · {c.readingMinutes} min read
                </div>
                <h2>
                  <a href={c.url} rel="noopener">{c.title}</a>
                </h2>
                <p>{c.standfirst}</p>
                {c.authors.length > 0 && <div class="meta">By {c.authors.join(' and ')}</div>}
              </article>
            ))
          )}
        </main>
      </body>
    </html>
  );
}
