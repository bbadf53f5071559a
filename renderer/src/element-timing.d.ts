import 'react';

declare module 'react' {
  /** Element Timing (https://w3c.github.io/element-timing/): names an element whose first paint the page observes. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- merging needs React's own parameter list
  interface HTMLAttributes<T> {
    elementtiming?: string | undefined;
  }
}
