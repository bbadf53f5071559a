import fullCssUrl from 'virtual:antd-full-css';

let loading: Promise<void> | null = null;

/**
 * Adds the stylesheet with all of antd's rules the app uses (see renderer/vite-plugins/
 * antd-used-css.ts): the first screen is painted with the rules of its own components only.
 * Every other screen's loader waits for it; the screens are preloaded in idle time after start-up.
 * It goes right after the first screen's antd sheet, so the app's own CSS still comes later and
 * wins ties as before. Resolves once the rules apply (or failed to load: nothing to wait for).
 */
export function loadFullStyles(): Promise<void> {
  const url = fullCssUrl;
  // The app's own rules for dialogs come with antd's (imported later: out of the first screen's sheet).
  const dialogs = () => import('../ui/dialogs.css').then(
    () => undefined,
    () => undefined,
  );
  if (url === null) return (loading ??= dialogs());
  loading ??= Promise.all([
    new Promise<void>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(url, document.baseURI).href;
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
      // After the first screen's antd sheet (never before it: the cascade among antd's own rules
      // must be the full sheet's order).
      // (A host that rendered the page wrote that sheet into it: electron/web/first-screen-page.ts.)
      const firstSheet = document.querySelector('link[rel="stylesheet"][href*="/antd-"], style[data-href*="/antd-"]');
      if (firstSheet) firstSheet.after(link);
      else document.head.append(link);
    }),
    dialogs(),
  ]).then(() => undefined);
  return loading;
}

/**
 * The first click or key press loads the full sheet at once, in case it opens something the first
 * screen's sheet has no rules for (a confirmation, a message) before the idle-time preload ran.
 * Not sooner: parsing it while the first frame is still being drawn delays that frame.
 */
export function loadFullStylesOnFirstInput(): () => void {
  const load = () => void loadFullStyles();
  const options = { capture: true, once: true } as const;
  window.addEventListener('pointerdown', load, options);
  window.addEventListener('keydown', load, options);
  return () => {
    window.removeEventListener('pointerdown', load, options);
    window.removeEventListener('keydown', load, options);
  };
}

/** Code for something the first screen's sheet has no rules for, together with the full sheet. */
export function withFullStyles<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadFullStyles()]).then(([module]) => module);
}
