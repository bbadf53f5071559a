import { describe, expect, it } from 'vitest';
import { allowFrameNavigation, isAppUrl, isDevToolsShortcut, isExternalWebUrl, type KeyInput } from '../../../../electron/main/navigation-policy.ts';

describe('frame navigation', () => {
  it('keeps the main frame on the app scheme', () => {
    expect(allowFrameNavigation({ url: 'app://tradefolio/index.html#/customers', isMainFrame: true })).toBe(true);
    for (const url of ['https://evil.example/', 'app://other/index.html', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)', 'not a url']) {
      expect(allowFrameNavigation({ url, isMainFrame: true }), url).toBe(false);
    }
  });

  it('lets a subframe hold only its srcdoc document, never the app or the web', () => {
    expect(allowFrameNavigation({ url: 'about:srcdoc', isMainFrame: false })).toBe(true);
    expect(allowFrameNavigation({ url: 'about:blank', isMainFrame: false })).toBe(true);
    // A link clicked in a mail, or a hostile mail's own navigation, stays put.
    for (const url of ['https://tracker.example/pixel', 'http://127.0.0.1:8080/', 'app://tradefolio/index.html', 'data:text/html,<script>1</script>', 'file:///etc/passwd']) {
      expect(allowFrameNavigation({ url, isMainFrame: false }), url).toBe(false);
    }
  });

  it('recognises the app origin and plain web links exactly', () => {
    expect(isAppUrl('app://tradefolio/x')).toBe(true);
    expect(isAppUrl('app://tradefolio.evil/x')).toBe(false);
    expect(isExternalWebUrl('https://example.com/a')).toBe(true);
    expect(isExternalWebUrl('https://user:pw@example.com/')).toBe(false);
    expect(isExternalWebUrl('mailto:a@b.c')).toBe(false);
  });
});

describe('DevTools shortcuts', () => {
  const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, shift: false, alt: false, ...mods });

  it('catches F12, Ctrl+Shift+I/J/C and Cmd+Alt+I/J/C', () => {
    expect(isDevToolsShortcut(key('F12'))).toBe(true);
    for (const k of ['I', 'J', 'C', 'i']) {
      expect(isDevToolsShortcut(key(k, { control: true, shift: true })), `Ctrl+Shift+${k}`).toBe(true);
      expect(isDevToolsShortcut(key(k, { meta: true, alt: true })), `Cmd+Alt+${k}`).toBe(true);
    }
  });

  it('leaves the app\'s own keys alone', () => {
    expect(isDevToolsShortcut(key('c', { control: true }))).toBe(false); // copy
    expect(isDevToolsShortcut(key('n', { control: true }))).toBe(false); // new mail
    expect(isDevToolsShortcut(key('i'))).toBe(false);
    expect(isDevToolsShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });
});
