// The page shell for account and membership pages: header with the
// masthead and account links, a narrow main column, the footer with the offer.
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { SECTION_NAMES } from '../../catalog/publishers.ts';
import type { ImageLinks } from '../../images/links.ts';
import { site } from '../../site.ts';
import { assets } from '../assets.ts';
import { ImageLinksContext } from './images.tsx';

export interface ShellProps {
  title: string;
  signedIn: boolean;
  children: ComponentChildren;
  /** A notice shown above the content (success or error). */
  notice?: { kind: 'ok' | 'error'; text: string } | null;
  /** Reading pages use the wide layout. */
  wide?: boolean;
  /** Extra <head> content (meta tags, JSON-LD), already rendered safely. */
  head?: ComponentChildren;
  /** Links to our image endpoint for publishers' pictures; without them pictures are left out. */
  images?: ImageLinks;
}

const SECTIONS = Object.entries(SECTION_NAMES);

export function Shell({ title, signedIn, children, notice, wide, head }: ShellProps) {
  const { name, offer, trialDays } = site();
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${name}`}</title>
        <meta name="theme-color" content="#1f4e79" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="icon" href={assets.icons['icon.svg']} type="image/svg+xml" />
        <link rel="apple-touch-icon" href={assets.icons['icon-192.png']} />
        {assets.appCss && <link rel="stylesheet" href={assets.appCss} />}
        {head}
        {assets.appJs && <script src={assets.appJs} defer />}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/">
            {name}
          </a>
          <nav aria-label="Account">
            <a href="/search">Search</a>
            {signedIn && <a href="/saved">Saved</a>}
            {signedIn ? <a href="/account">Your account</a> : <a href="/signin">Sign in</a>}
            {!signedIn && (
              <a class="trial" href="/signup">
                Start free trial
              </a>
            )}
          </nav>
        </header>
        <nav class="sections" aria-label="Sections">
          <a href="/">Front page</a>
          {SECTIONS.map(([slug, name]) => (
            <a href={`/s/${slug}`}>{name}</a>
          ))}
        </nav>
        <main id="main" class={wide ? 'wide' : undefined}>
          {notice && (
            <p class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
              {notice.text}
            </p>
          )}
          {children}
        </main>
        <footer>
          <p>
            <strong>{name}</strong> {offer}.
          </p>
          <p>
            <a href="/signup">{trialDays ? `Join with a ${trialDays}-day free trial` : 'Join'}</a>: no card needed,
            cancel any time.
          </p>
          <p>
            <a href="/plans">Plans</a> · <a href="/app">Download the app</a> · <a href="/feed.xml">RSS</a> · Press{' '}
            <kbd>?</kbd> for shortcuts
          </p>
          <form method="get" action="/theme" class="bare theme">
            <span id="theme-label">Theme:</span>{' '}
            <span role="group" aria-labelledby="theme-label">
              <button type="submit" name="set" value="light">
                Light
              </button>{' '}
              <button type="submit" name="set" value="dark">
                Dark
              </button>{' '}
              <button type="submit" name="set" value="system">
                Same as device
              </button>
            </span>
          </form>
        </footer>
        <dialog id="shortcuts" aria-label="Keyboard shortcuts">
          <h2>Keyboard shortcuts</h2>
          <p>
            <kbd>j</kbd> / <kbd>k</kbd> next / previous story · <kbd>o</kbd> or <kbd>Enter</kbd> open · <kbd>s</kbd>{' '}
            save · <kbd>/</kbd> search · <kbd>?</kbd> this help
          </p>
          <form method="dialog" class="inline">
            <button type="submit">Close</button>
          </form>
        </dialog>
      </body>
    </html>
  );
}

export function page(props: ShellProps): string {
  return `<!doctype html>${render(
    <ImageLinksContext.Provider value={props.images ?? null}>
      <Shell {...props} />
    </ImageLinksContext.Provider>,
  )}`;
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
