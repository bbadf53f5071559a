import enUS from 'antd/locale/en_US';
import { en } from '../../../shared/i18n/en.ts';
import type { LanguagePack } from './language-packs.ts';

export const pack: LanguagePack = { catalog: en, antdLocale: enUS };
