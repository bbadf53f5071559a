import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { zhCN as catalog } from '../../../shared/i18n/zh-CN.ts';
import type { LanguagePack } from './language-packs.ts';

export const pack: LanguagePack = { catalog, antdLocale: zhCN };
