// The 404 and error pages, for HTML requests (the APIs answer JSON).
import { page } from './shell.tsx';

export function notFoundPage(
  heading: string,
  signedIn: boolean,
  text = 'It may have moved or been withdrawn, or the link may be mistyped.',
): string {
  return page({
    title: 'Not found',
    signedIn,
    children: (
      <>
        <h1>{heading}</h1>
        <p>{text}</p>
        <form method="get" action="/search" role="search" class="inline-search">
          <label for="nf-q">Search every title</label>
          <input id="nf-q" name="q" type="text" />
          <button type="submit">Search</button>
        </form>
        <p>
          Or go back to <a href="/">the front page</a>.
        </p>
      </>
    ),
  });
}

export function errorPage(status: number, message: string, signedIn: boolean): string {
  const ours = status >= 500;
  return page({
    title: ours ? 'Something went wrong' : 'That request did not work',
    signedIn,
    children: (
      <>
        <h1>{ours ? 'Something went wrong' : 'That request did not work'}</h1>
        <p>{ours ? 'Something went wrong on our side. It has been logged; please try again in a moment.' : message}</p>
        <p>
          <a href="/">Back to the front page</a>
        </p>
      </>
    ),
  });
}
