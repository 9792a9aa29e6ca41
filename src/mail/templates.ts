// Message templates: plain text first (it is what most of these are read as),
// with a simple HTML twin. Every interpolated value is escaped in the HTML.
import { escapeAttr } from '../analysis/markup.ts';
import { site } from '../site.ts';

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeAttr(p)}</p>`).join('');
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeAttr(action.url)}" style="background:#1b1b1b;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeAttr(action.label)}</a></p><p style="font-size:13px;color:#666">Or paste this link into your browser: ${escapeAttr(action.url)}</p>`
    : '';
  return `<!doctype html><html><body style="font:16px/1.5 Georgia,serif;color:#1b1b1b;max-width:560px;margin:0 auto;padding:24px"><h1 style="font:700 22px system-ui,sans-serif">${escapeAttr(site().name)}</h1>${body}${button}<p style="font-size:13px;color:#666;margin-top:32px">${escapeAttr(site().tagline)}</p></body></html>`;
}

function message(subject: string, paragraphs: string[], action?: { label: string; url: string }): Rendered {
  const text = [
    ...paragraphs,
    ...(action ? [`${action.label}: ${action.url}`] : []),
    '',
    `— ${site().name}: ${site().tagline}`,
  ].join('\n\n');
  return { subject, text, html: layout(paragraphs, action) };
}

export const templates = {
  verify: (url: string, trialDays: number | null) =>
    message(
      `Confirm your email for ${site().name}`,
      [
        `Welcome to ${site().name}.`,
        trialDays
          ? `Your ${trialDays}-day free trial has started: every article from every title is yours to read in full.`
          : 'Your account is ready.',
        'Confirm your email address to start reading. The link works for 24 hours.',
      ],
      { label: 'Confirm and start reading', url },
    ),
  alreadyRegistered: (signInUrl: string, resetUrl: string) =>
    message(`Signing up to ${site().name}`, [
      `Someone (probably you) tried to create a ${site().name} account with this email address, but you already have one.`,
      `Sign in: ${signInUrl}`,
      `Forgotten your password? Reset it: ${resetUrl}`,
      'If it was not you, you can ignore this message.',
    ]),
  reset: (url: string) =>
    message(
      `Reset your ${site().name} password`,
      [
        'We received a request to reset your password. The link works once, for one hour.',
        'If you did not ask for this, ignore this message: your password stays as it is.',
      ],
      { label: 'Choose a new password', url },
    ),
  emailChange: (url: string) =>
    message(
      `Confirm your new email for ${site().name}`,
      [`Confirm this address to make it the one your ${site().name} account uses. The link works for 24 hours.`],
      { label: 'Confirm new email', url },
    ),
  trialEndingSoon: (daysLeft: number, url: string) =>
    message(
      `Your ${site().name} trial ends in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`,
      [
        'We hope you have enjoyed reading everything in one place.',
        'Choose a plan to keep reading every title in full. Cancel any time.',
      ],
      { label: 'Choose a plan', url },
    ),
  trialEnded: (url: string) =>
    message(
      `Your ${site().name} trial has ended`,
      [
        'Your free trial ended today. You can still browse headlines and previews.',
        'Pick a plan to read everything in full again.',
      ],
      {
        label: 'Choose a plan',
        url,
      },
    ),
};
