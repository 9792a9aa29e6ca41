// The qualified-read beacon: once the reader has spent the configured seconds
// of visible time on the article, or scrolled past the configured share of its
// body, the page tells the server once. Only pages showing the full text carry
// a read token (data-read), so previews are never counted as reads.
export function watchReading(doc: Document = document): void {
  const el = doc.querySelector<HTMLElement>('article[data-read]');
  if (!el) return;
  const seconds = Number(el.dataset.readS ?? 15);
  const share = Number(el.dataset.readPct ?? 60) / 100;
  const body = el.querySelector<HTMLElement>('.body') ?? el;
  let visibleMs = 0;
  let since = doc.visibilityState === 'visible' ? performance.now() : null;
  let sent = false;
  const send = () => {
    if (sent) return;
    sent = true;
    const data = new URLSearchParams({ a: el.dataset.article ?? '', t: el.dataset.read ?? '' });
    if (!navigator.sendBeacon?.('/api/v1/reads', data)) void fetch('/api/v1/reads', { method: 'POST', body: data, keepalive: true }).catch(() => undefined);
    clearInterval(timer);
  };
  const tick = () => {
    if (since !== null) {
      const t = performance.now();
      visibleMs += t - since;
      since = t;
    }
    if (visibleMs >= seconds * 1000) send();
  };
  const timer = setInterval(tick, 1000);
  doc.addEventListener('visibilitychange', () => {
    tick();
    since = doc.visibilityState === 'visible' ? performance.now() : null;
  });
  addEventListener(
    'scroll',
    () => {
      const r = body.getBoundingClientRect();
      if (r.height > 0 && (innerHeight - r.top) / r.height >= share) send();
    },
    { passive: true },
  );
}
