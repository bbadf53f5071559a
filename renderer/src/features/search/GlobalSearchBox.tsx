import { SearchOutlined } from '@ant-design/icons';
import type { InputRef } from 'antd';
// The Input alone: antd's `Input` export carries TextArea, Password, Search and OTP with it
// (~15 KB that the list's first paint would parse for nothing).
import Input from 'antd/es/input/Input';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor, navigate, useHash, useRoute } from '../../app/router.ts';
import { adoptingState } from '../../first-screen/index.ts';
import { useShellCommand } from '../../app/shell-commands.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import './search.css';

/** The key that focuses this box, as the keyboard in front of the user names it. */
function shortcutKey(): string {
  // The host's render and the page's first one must agree: the host read the platform from the User-Agent.
  return (adoptingState()?.mac ?? /mac/i.test(navigator.platform)) ? '⌘K' : 'Ctrl+K';
}

/**
 * The one search box in the shell header (Ctrl/Cmd+K, shown in the box). Enter opens the results
 * page; while the results page is open, typing updates it in place (replacing the history entry,
 * so Back leaves the results instead of stepping through every keystroke). Going to any other
 * screen empties it: an old query over a folder or Settings reads as if it filtered them.
 */
export function GlobalSearchBox() {
  const { t } = useTranslation();
  const route = useRoute();
  const onResults = route.page === 'search';
  const ref = useRef<InputRef>(null);
  const [text, setText] = useState(onResults ? route.query : '');
  const typed = useDebouncedValue(text, 250);

  useShellCommand('focusGlobalSearch', () => ref.current?.focus({ cursor: 'all' }));

  // Follow the route (Back/Forward, a link) when it changes from outside the box
  // (React's "adjust state when a prop changes" pattern, not an effect).
  const routeQuery = onResults ? route.query : null;
  const [seenQuery, setSeenQuery] = useState(routeQuery);
  if (routeQuery !== seenQuery) {
    setSeenQuery(routeQuery);
    if (routeQuery !== null) setText(routeQuery);
  }
  // Another screen than the results (a hit opened, the navigation used): the query is not its own.
  const hash = useHash();
  const [seenHash, setSeenHash] = useState(hash);
  if (hash !== seenHash) {
    setSeenHash(hash);
    if (!onResults) setText('');
  }
  const key = shortcutKey();

  useEffect(() => {
    // Only once the debounce has caught up: right after Back, `typed` still holds the old text.
    if (!onResults || text !== typed || typed.trim() === routeQuery?.trim()) return;
    window.location.replace(hrefFor({ page: 'search', query: typed.trim() }));
  }, [text, typed, onResults, routeQuery]);

  return (
    // A plain Input with Enter, not Input.Search: its button group was a measurable part of
    // the first render, and the list's own search box looks the same way.
    <Input
      ref={ref}
      className="global-search"
      allowClear
      prefix={<SearchOutlined />}
      suffix={
        <kbd className="key-hint" title={t('search.shortcut', { key })}>
          {key}
        </kbd>
      }
      value={text}
      placeholder={t('search.placeholder')}
      aria-label={t('search.title')}
      data-testid="global-search"
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => {
        if (text.trim()) navigate({ page: 'search', query: text.trim() });
      }}
    />
  );
}
