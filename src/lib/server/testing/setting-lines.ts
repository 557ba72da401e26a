import { translator } from '../../i18n/translate';
import { describeSettingChange } from '../../shared/clinic-settings';
import type { SettingChange } from '../settings/setting-changes';

/** A settings audit row worded as the settings page shows it in English. For specs only. */
export const englishLines = (change: Pick<SettingChange, 'setting' | 'before' | 'after'>) =>
	describeSettingChange(change.setting, change.before, change.after, {
		t: translator('en'),
		locale: 'en'
	});
