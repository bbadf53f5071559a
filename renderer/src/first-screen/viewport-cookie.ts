import { VIEWPORT_COOKIE } from '../../../shared/contract/first-screen.ts';

const SETTLE_MS = 500;

/**
 * Tells the host the window's size for the next start: it renders the customer list into the
 * page (electron/web/first-screen-page.ts), and the rows it renders are the ones that fit.
 */
export function reportViewport(): () => void {
  const write = () => {
    document.cookie = `${VIEWPORT_COOKIE}=${window.innerWidth}x${window.innerHeight}; Path=/; Max-Age=31536000; SameSite=Strict`;
  };
  let timer = 0;
  const onResize = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(write, SETTLE_MS);
  };
  write();
  window.addEventListener('resize', onResize);
  return () => {
    window.clearTimeout(timer);
    window.removeEventListener('resize', onResize);
  };
}
