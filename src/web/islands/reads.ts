// The qualified-read beacon: once the reader has spent the configured seconds
// of visible time on the article, or scrolled past the configured share of its
// body, the page tells the server once. Only pages showing the full text are
// marked (data-read); such a page asks for a read token for this view when it
// loads, and the beacon carries it back.
export function watchReading(doc: Document = document): void {
  const el = doc.querySelector<HTMLElement>('article[data-read]');
  if (!el) return;
  const seconds = Number(el.dataset.readS ?? 15);
  const share = Number(el.dataset.readPct ?? 60) / 100;
  const body = el.querySelector<HTMLElement>('.body') ?? el;
  let visibleMs = 0;
  let since = doc.visibilityState === 'visible' ? performance.now() : null;
  let sent = false;
  // The token may be used from `wait_ms` after it was issued (no one has read an article sooner).
  const token = fetch('/api/v1/reads/token', {
    method: 'POST',
    body: new URLSearchParams({ a: el.dataset.article ?? '' }),
  })
    .then((r) => (r.ok ? r.json() : {}) as Promise<{ token?: string; wait_ms?: number }>)
    .then((j) => ({ t: j.token ?? '', usableAt: performance.now() + (j.wait_ms ?? 0) + 250 }))
    .catch(() => ({ t: '', usableAt: 0 }));
  const send = async () => {
    if (sent) return;
    sent = true;
    clearInterval(timer);
    const { t, usableAt } = await token;
    if (!t) return;
    const wait = usableAt - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const data = new URLSearchParams({ a: el.dataset.article ?? '', t });
    if (!navigator.sendBeacon?.('/api/v1/reads', data))
      void fetch('/api/v1/reads', { method: 'POST', body: data, keepalive: true }).catch(() => undefined);
  };
  const tick = () => {
    if (since !== null) {
      const t = performance.now();
      visibleMs += t - since;
      since = t;
    }
    if (visibleMs >= seconds * 1000) void send();
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
      if (r.height > 0 && (innerHeight - r.top) / r.height >= share) void send();
    },
    { passive: true },
  );
}
