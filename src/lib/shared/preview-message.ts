import type { ClassState } from './timeline';

/**
 * What the routine builder posts to its simulated display (an iframe of /routine-preview):
 * the state the shared timeline engine computed, frame by frame.
 */
export type PreviewMessage = { type: 'steady-preview'; state: ClassState | null };

export function isPreviewMessage(data: unknown): data is PreviewMessage {
	return (
		typeof data === 'object' &&
		data !== null &&
		(data as { type?: unknown }).type === 'steady-preview'
	);
}
