import type { Translate } from '../../i18n/translate';
import type { PlanBlock } from './types';

/**
 * A block's name in the reader's language. A rest or a "Get ready" that the coordinator did not
 * name carries no name in the plan (a name there would be in one language, and the wall and the
 * phone may read different ones), so it is worded here.
 */
export function blockName(block: Pick<PlanBlock, 'kind' | 'name'>, t: Translate): string {
	if (block.name) return block.name;
	if (block.kind === 'rest') return t('display.segment.rest');
	if (block.kind === 'transition') return t('display.segment.get-ready');
	return '';
}
