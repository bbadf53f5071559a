import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

/**
 * All message catalogs, for the main process and tests. Each area has one file per language
 * under en/ and zh-CN/, gathered in en.ts and zh-CN.ts; the renderer loads only the language in
 * use (renderer/src/app/language-packs.ts).
 */
export const catalogs = { en, 'zh-CN': zhCN } as const;

export type Language = keyof typeof catalogs;
