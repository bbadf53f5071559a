declare module 'virtual:antd-full-css' {
  /** See renderer/vite-plugins/antd-used-css.ts; null in the dev server, which serves all of antd.css. */
  const url: string | null;
  export default url;
}
