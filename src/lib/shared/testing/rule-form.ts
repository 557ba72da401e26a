import { DEFAULT_VITAL_RULES } from '../rules';

/** The vital-rules settings form as the browser posts it, with the shipped values. For specs only. */
export function defaultRuleForm(): FormData {
	const form = new FormData();
	for (const rule of DEFAULT_VITAL_RULES) {
		form.set(`${rule.id}.threshold`, String(rule.threshold));
		if (rule.below !== undefined) form.set(`${rule.id}.below`, String(rule.below));
		form.set(`${rule.id}.action`, rule.action);
		form.set(`${rule.id}.enabled`, 'on');
	}
	return form;
}
