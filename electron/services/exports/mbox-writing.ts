/**
 * One message as an mboxrd entry: a "From " separator line, the message with every body line
 * that starts with ">…>From " given one more ">", and the blank line that ends an entry.
 * mboxrd rather than mboxo because its escaping can be undone exactly: a reader strips one ">"
 * from every such line, so a body line "From here" or ">From there" comes back as it was
 * (Thunderbird, mutt and our own importer read it; mbox-splitter.ts).
 *
 * Written here: npm has no maintained mbox writer, and the format is these few rules.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** asctime() form in UTC, as mbox separators carry it: "Mon Jan  5 09:03:00 2026". */
export function asctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** The envelope sender must be one word; anything else (none, a name with blanks) is written as MAILER-DAEMON, as mail servers do. */
export function separatorLine(fromAddress: string | null, dateAt: number): string {
  const sender = fromAddress && /^[^\s@]+@[^\s@]+$/.test(fromAddress) ? fromAddress : 'MAILER-DAEMON';
  return `From ${sender} ${asctime(dateAt)}\n`;
}

// Lines start after LF only (a reader splits there); not the `m` flag, whose ^ also follows a lone CR.
const ESCAPE = /(^|\n)(>*From )/g;
const FROM = Buffer.from('From ', 'latin1');

/**
 * The entry's bytes. A message stored with an envelope line of its own ("From …" before its
 * headers, as some archives keep) loses that line: it is not part of the message, and a reader
 * would take it for a body line. The message keeps its own line ends (LF or CRLF); one is added
 * when it lacks a final one, since a separator must start a line.
 */
export function mboxEntry(raw: Buffer, fromAddress: string | null, dateAt: number): Buffer[] {
  let message = raw;
  if (message.subarray(0, 5).equals(FROM)) {
    const nl = message.indexOf(0x0a);
    message = nl < 0 ? Buffer.alloc(0) : message.subarray(nl + 1);
  }
  // latin1 maps bytes one to one, so the escaping leaves every other byte (UTF-8, GBK, binary) as it was.
  const body = message.includes(FROM) ? Buffer.from(message.toString('latin1').replace(ESCAPE, '$1>$2'), 'latin1') : message;
  const crlf = body.length >= 2 && body[body.length - 2] === 0x0d && body[body.length - 1] === 0x0a;
  const ending = body.length > 0 && body[body.length - 1] === 0x0a ? (crlf ? '\r\n' : '\n') : '\n\n';
  return [Buffer.from(separatorLine(fromAddress, dateAt), 'latin1'), body, Buffer.from(ending, 'latin1')];
}
