// Outgoing mail. With SMTP configured (SMTP_URL), nodemailer sends it; without
// (the embedded default), each message is written as an .eml file under
// DATA_DIR/mail and the log names the file (its links with their tokens
// redacted), so a first install works offline.
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { redactUrl, type Logger } from '../log.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string; log: Logger }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(m) {
        await transport.sendMail({ from: opts.from, ...m });
      },
      close: () => transport.close(),
    };
  }
  const dir = path.join(opts.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transport.sendMail({ from: opts.from, ...m });
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`,
      );
      fs.writeFileSync(file, info.message as Buffer);
      // The links carry one-time tokens: the log says where they lead, the file holds them.
      const links = (m.text.match(/https?:\/\/\S+/g) ?? []).map(redactUrl);
      opts.log.info(
        { to: m.to, subject: m.subject, file, links },
        'mail written to file (no SMTP_URL configured); open the file to follow its links',
      );
    },
    close: () => transport.close(),
  };
}
