import type { Db } from '../../../../db/database.ts';
import { fail } from '../../../../shared/contract/result.ts';
import { parseJson } from '../../core/json-column.ts';
import type { MailHandlers } from '../mail.service.ts';
import { remoteContentScope } from './mail-content.ts';
import { messageRows } from './message-rows.queries.ts';
import { messageParts, messagePage } from './messages.queries.ts';

/** The message list and the reading pane. */
export function createMessageReadHandlers(db: Db): Pick<MailHandlers, 'mail.listMessages' | 'mail.getMessage'> {
  return {
    'mail.listMessages': async (q) => {
      const page = await messagePage(db, q);
      return { total: page.total, rows: await messageRows(db, page.ids) };
    },

    'mail.getMessage': async ({ id }) => {
      const parts = await messageParts(db, id);
      if (!parts) fail('notFound', 'errors.mailMessageNotFound', { id });
      const { message: m, addresses, attachments } = parts;
      const of = (role: string) => addresses.filter((a) => a.role === role).map((a) => ({ name: a.name, address: a.address }));
      const [row] = await messageRows(db, [id]);
      return {
        ...row!,
        to: of('to'),
        cc: of('cc'),
        bcc: of('bcc'),
        replyTo: of('replyTo'),
        messageId: m.message_id,
        inReplyTo: m.in_reply_to,
        references: m.refs ? m.refs.split(' ') : [],
        text: m.text,
        html: m.html,
        attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, size: a.size, inline: a.inline === 1, contentId: a.content_id })),
        parseWarnings: parseJson<string[]>(m.parse_warnings, []),
        senderAuth: m.sender_auth,
        remoteContent: await remoteContentScope(db, m),
        receivedAt: m.received_at,
      };
    },
  };
}
