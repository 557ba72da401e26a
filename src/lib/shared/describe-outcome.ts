import type { OutcomeJudgement, OutcomeResult } from './outcomes';
import type { Wording } from './rules';

/** "12 stands", "13.5 s with Walker", "Tandem, held 4 s": a result in the reader's language. */
export function describeOutcomeResult({ t, locale }: Wording, result: OutcomeResult): string {
	const seconds = (value: number) => new Intl.NumberFormat(locale).format(value);
	switch (result.test) {
		case 'chair_stand_30s':
			return t(
				result.armsUsed ? 'outcomes.result.chair-stand-arms' : 'outcomes.result.chair-stand',
				{
					count: result.count
				}
			);
		case 'tug':
			return result.device === 'none'
				? t('outcomes.result.tug', { seconds: seconds(result.seconds) })
				: t('outcomes.result.tug-device', {
						seconds: seconds(result.seconds),
						device: t(`device.${result.device}`)
					});
		case 'four_stage_balance':
			return t('outcomes.result.balance', {
				stage: t(`outcomes.stage.${result.stage as 1 | 2 | 3 | 4}`),
				seconds: seconds(result.seconds)
			});
	}
}

/** "Timed Up and Go: 13.5 s with Walker" for a history line. */
export function describeOutcome(words: Wording, result: OutcomeResult): string {
	return words.t('outcomes.describe', {
		test: words.t(`outcomes.test.${result.test}`),
		result: describeOutcomeResult(words, result)
	});
}

/** The words beside a result: how it stands against its cut-off. */
export function describeJudgement(
	{ t }: Wording,
	test: OutcomeResult['test'],
	judgement: OutcomeJudgement
): string {
	return judgement.verdict === 'no-norm'
		? t(`outcomes.verdict.no-norm.${judgement.reason}`)
		: t(`outcomes.verdict.${judgement.verdict}.${test}`, { cutoff: judgement.cutoff });
}
