/** The notebook cell's own strings (server only): decorative In/Out prompts and the reset button. */
import type { Locale } from '../i18n/locale.ts';
import { chromeZh } from './messages.zh-cn.ts';

const chromeEn = { in: 'In', out: 'Out', reset: 'Reset' };

export function cellChrome(locale: Locale): typeof chromeEn {
  return locale === 'zh-cn' ? chromeZh : chromeEn;
}
