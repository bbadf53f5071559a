import type { SenderAuth } from '../../../../shared/domain/mail-enums.ts';

/**
 * Whether the receiving mail server vouched for a message's From address, read from its
 * Authentication-Results headers (RFC 8601). Pure functions over the header lines, so the
 * rules can be tested without a mail server.
 *
 * Which headers are trusted. Anyone can write an Authentication-Results header into the mail
 * they send, so only the ones the receiving side added count. Every SMTP hop puts a Received:
 * header on top of what it received (RFC 5321 §4.4), so whatever the sender wrote lies below
 * the Received: header of the server that took the mail from the internet. We therefore read
 * the headers from the top and trust the Authentication-Results headers above the first
 * Received: header, looking past Received: headers of local delivery inside the receiving
 * server (`with LMTP…`, which never crosses the internet: Postfix hands mail to Dovecot this
 * way, and Dovecot writes that Received: above the filter's Authentication-Results). A server
 * that writes its Authentication-Results below its own Received: header (Gmail does) yields
 * "none", never a false "pass": an unverified sender can still have images for one message.
 */

/** One header as it appears in the message: lower-cased name and the whole line, folded or not. */
export interface HeaderLine {
  key: string;
  line: string;
}

/** One `method=result` of an Authentication-Results header with its properties (`header.d`, `smtp.mailfrom`…). */
export interface AuthResult {
  method: string;
  result: string;
  properties: Record<string, string>;
}

export interface AuthenticationResults {
  authservId: string;
  results: AuthResult[];
}

/** Removes RFC 5322 comments, `(like this)`, nested or not, leaving quoted strings alone. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += c + (value[i + 1] ?? '');
      i++;
    } else if (quoted) {
      out += c;
      if (c === '"') quoted = false;
    } else if (c === '(') {
      depth++;
    } else if (c === ')' && depth > 0) {
      depth--;
    } else if (depth === 0) {
      if (c === '"') quoted = true;
      out += c;
    }
  }
  return out;
}

/** Splits on `sep` outside quoted strings. */
function splitOutsideQuotes(value: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && quoted) {
      current += c + (value[i + 1] ?? '');
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      current += c;
    } else if (!quoted && sep.test(c)) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}

const unquote = (v: string) => (v.startsWith('"') && v.endsWith('"') && v.length >= 2 ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v);

/**
 * Parses one Authentication-Results header value (without the name). Returns null when there
 * is no authserv-id; unreadable result entries are skipped rather than failing the header.
 *
 * @example
 * parseAuthenticationResults('mx.example.com; dkim=pass header.d=shop.test; spf=fail smtp.mailfrom=x@y.test')
 * // { authservId: 'mx.example.com', results: [{ method: 'dkim', result: 'pass', properties: { 'header.d': 'shop.test' } }, …] }
 */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const [head, ...entries] = splitOutsideQuotes(stripComments(value.replace(/\r?\n[ \t]/g, ' ')), /;/);
  const authservId = (head ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!authservId) return null;
  const results: AuthResult[] = [];
  for (const entry of entries) {
    const tokens = splitOutsideQuotes(entry.trim(), /\s/).filter((t) => t !== '');
    const first = tokens.shift();
    const match = first ? /^([a-z0-9-]+)(?:\/[0-9]+)?=([a-z0-9-]+)$/i.exec(first) : null;
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const token of tokens) {
      const eq = token.indexOf('=');
      if (eq <= 0) continue;
      const key = token.slice(0, eq).toLowerCase();
      // The first value wins: a later duplicate cannot override what the server wrote first.
      if (!(key in properties)) properties[key] = unquote(token.slice(eq + 1));
    }
    results.push({ method: match[1]!.toLowerCase(), result: match[2]!.toLowerCase(), properties });
  }
  return { authservId, results };
}

/** The value of a header line: what follows the first colon. */
const valueOf = (line: string) => line.slice(line.indexOf(':') + 1);

/** A Received: header of delivery inside the receiving server (LMTP, RFC 3848's LMTP/LMTPA/LMTPS/LMTPSA). */
const isLocalDelivery = (line: string) => /\bwith\s+LMTPS?A?\b/i.test(valueOf(line).replace(/\r?\n[ \t]/g, ' '));

/**
 * The Authentication-Results headers the receiving side wrote: those above the first
 * Received: header that is not a local delivery (see the module comment for why).
 */
export function trustedAuthenticationResults(headers: readonly HeaderLine[]): AuthenticationResults[] {
  const trusted: AuthenticationResults[] = [];
  for (const h of headers) {
    const key = h.key.toLowerCase();
    if (key === 'received' && !isLocalDelivery(h.line)) break;
    if (key !== 'authentication-results') continue;
    const parsed = parseAuthenticationResults(valueOf(h.line));
    if (parsed) trusted.push(parsed);
  }
  return trusted;
}

/** The domain of an address or of a bare domain (`user@Shop.test`, `@shop.test`, `shop.test.`) in lower case. */
function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  const domain = value.slice(value.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '');
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

/**
 * Whether a domain the server checked stands for the From domain: the same domain, or a parent
 * of it (mail.shop.test signed by shop.test). The other direction of DMARC's relaxed alignment
 * needs the public-suffix list to be safe; the server's own dmarc=pass covers that case.
 */
export function isAligned(checked: string | null, fromDomain: string): boolean {
  if (!checked) return false;
  return checked === fromDomain || fromDomain.endsWith(`.${checked}`);
}

/**
 * The verdict on a message's From address:
 * - `pass` when a trusted header says dmarc=pass, or, with no trusted dmarc=fail, dkim=pass
 *   signed by the From domain (header.d, or header.i's domain) or spf=pass for an envelope
 *   sender of the From domain (smtp.mailfrom);
 * - `fail` when trusted headers exist but none of that holds (a forged From, typically);
 * - `none` when there is no From domain (or more than one From: header) or no trusted
 *   Authentication-Results header.
 * A dmarc=fail vetoes any dkim or spf pass: the server itself judged the From not aligned.
 */
export function senderAuthenticationOf(headers: readonly HeaderLine[], fromAddress: string | null): SenderAuth {
  const fromDomain = domainOf(fromAddress ?? undefined);
  // Two From: headers: the server may have checked one and we would show the other.
  const fromHeaders = headers.filter((h) => h.key.toLowerCase() === 'from').length;
  const trusted = trustedAuthenticationResults(headers);
  if (!fromDomain || fromHeaders !== 1 || trusted.length === 0) return 'none';
  const results = trusted.flatMap((t) => t.results);
  if (results.some((r) => r.method === 'dmarc' && r.result === 'fail')) return 'fail';
  // A dmarc=pass about another From domain (header.from) says nothing about this one.
  const dmarcPass = results.some((r) => r.method === 'dmarc' && r.result === 'pass' && (r.properties['header.from'] === undefined || domainOf(r.properties['header.from']) === fromDomain));
  if (dmarcPass) return 'pass';
  const aligned = results.some(
    (r) =>
      r.result === 'pass' &&
      ((r.method === 'dkim' && (isAligned(domainOf(r.properties['header.d']), fromDomain) || isAligned(domainOf(r.properties['header.i']), fromDomain))) ||
        (r.method === 'spf' && isAligned(domainOf(r.properties['smtp.mailfrom']), fromDomain))),
  );
  return aligned ? 'pass' : 'fail';
}
