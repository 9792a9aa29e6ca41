// The one client script: keyboard shortcuts, the service worker, the install
// prompt. Pages work without it; it only adds.
import { watchReading } from './reads.ts';

type Deferred = Event & { prompt(): Promise<void> };

const cards = () => Array.from(document.querySelectorAll<HTMLElement>('.card'));
let current = -1;

function focusCard(i: number): void {
  const list = cards();
  if (!list.length) return;
  current = Math.max(0, Math.min(list.length - 1, i));
  list.forEach((c) => c.classList.remove('kb-current'));
  const card = list[current]!;
  card.classList.add('kb-current');
  card.querySelector<HTMLAnchorElement>('h3 a')?.focus();
  card.scrollIntoView({ block: 'nearest' });
}

function toggleHelp(): void {
  const el = document.getElementById('shortcuts') as HTMLDialogElement | null;
  if (!el) return;
  if (el.open) el.close();
  else el.showModal();
}

document.addEventListener('keydown', (e) => {
  const t = e.target as HTMLElement;
  if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable) return;
  if (e.key === 'j') focusCard(current + 1);
  else if (e.key === 'k') focusCard(current - 1);
  else if (e.key === 'o' || (e.key === 'Enter' && current >= 0 && t.tagName !== 'A')) {
    const a = cards()[current]?.querySelector<HTMLAnchorElement>('h3 a');
    if (a) location.href = a.href;
    else return;
  } else if (e.key === 's') {
    const save = document.querySelector<HTMLButtonElement>('form[data-save] button');
    if (!save) return;
    save.click();
  } else if (e.key === '/') {
    const q = document.querySelector<HTMLInputElement>('#q');
    if (q) q.focus();
    else location.href = '/search';
  } else if (e.key === '?') toggleHelp();
  else return;
  e.preventDefault();
});

// Offline reading: the service worker keeps saved articles and an offline page.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register('/sw.js')
    .then(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (location.pathname === '/saved') {
        const urls = Array.from(document.querySelectorAll<HTMLAnchorElement>('.card h3 a')).map((a) => a.pathname);
        worker?.postMessage({ type: 'cache-saved', urls });
      } else if (document.querySelector('form[data-save] button[aria-pressed=true]')) {
        // This article is saved: keep it for offline reading (see sw.ts for the message API).
        worker?.postMessage({ type: 'save', url: location.pathname });
      }
    })
    .catch(() => undefined);
}

// Installing the app: offer it where the browser allows.
let deferred: Deferred | null = null;
window.addEventListener('beforeinstallprompt', (e) => {
  e.preventDefault();
  deferred = e as Deferred;
  document.querySelectorAll<HTMLElement>('[data-install]').forEach((b) => (b.hidden = false));
});
document.addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest('[data-install]');
  if (b && deferred) {
    e.preventDefault();
    void deferred.prompt();
    deferred = null;
  }
});

watchReading();
