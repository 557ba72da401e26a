import type { Phase } from '../../../shared/domain';
import type { Dosing } from '../../../shared/dosing';

/** The demo clinic's three routines, by exercise name from the catalog. */
export type RoutineStep =
	| { phase: Phase; exercise: string; dosing?: Partial<Dosing> }
	| { phase: Phase; kind: 'rest'; seconds: number; label?: string };

export type RoutineSeed = { name: string; description: string; steps: RoutineStep[] };

const ex = (phase: Phase, exercise: string, dosing?: Partial<Dosing>): RoutineStep => ({
	phase,
	exercise,
	...(dosing ? { dosing } : {})
});
const rest = (phase: Phase, seconds: number): RoutineStep => ({ phase, kind: 'rest', seconds });

export const DEMO_ROUTINES: RoutineSeed[] = [
	{
		name: 'Balance Basics',
		description: 'Otago strength and balance with STEADI stances; chair support throughout.',
		steps: [
			ex('warm_up', 'Marching warm-up'),
			ex('warm_up', 'Ankle circles'),
			ex('main', 'Sit-to-stand'),
			ex('main', 'Front knee strengthening'),
			rest('main', 45),
			ex('main', 'Calf raises'),
			ex('main', 'Toe raises'),
			rest('main', 45),
			ex('main', 'Side hip strengthening'),
			ex('main', 'Knee bends'),
			rest('main', 60),
			ex('main', 'STEADI stance: semi-tandem'),
			ex('main', 'Tandem stance'),
			ex('main', 'One-leg stand'),
			rest('main', 60),
			ex('main', 'Sideways walking'),
			ex('main', 'Tandem walk'),
			ex('main', 'Backwards walking'),
			ex('main', 'Heel walking'),
			ex('cool_down', 'Calf stretch'),
			ex('cool_down', 'Seated hamstring stretch')
		]
	},
	{
		name: 'Core Strength',
		description: 'Core dosing from clinical handouts and the McGill big 3, on mats and chairs.',
		steps: [
			ex('warm_up', 'Seated marching'),
			ex('warm_up', 'Seated trunk rotation'),
			ex('main', 'Transverse abdominis brace'),
			ex('main', 'Pelvic tilt'),
			rest('main', 45),
			ex('main', 'Bridge'),
			ex('main', 'Dead bug'),
			rest('main', 60),
			ex('main', 'Bird dog'),
			ex('main', 'McGill curl-up'),
			rest('main', 60),
			ex('main', 'McGill side bridge'),
			ex('main', 'Side plank'),
			ex('main', 'Heel slides'),
			ex('main', 'Seated lean-back hold'),
			ex('cool_down', 'Chest opener'),
			ex('cool_down', 'Seated hamstring stretch')
		]
	},
	{
		name: 'Aquatic Balance',
		description: 'Water walking warm-up, Halliwick balance work, Ai Chi cool-down.',
		steps: [
			ex('warm_up', 'Water walking'),
			ex('warm_up', 'Water marching'),
			ex('main', 'Sideways water walking'),
			ex('main', 'Halliwick mental adjustment'),
			ex('main', 'Halliwick disengagement'),
			ex('main', 'Halliwick balance in stillness'),
			rest('main', 60),
			ex('main', 'Halliwick sagittal rotation control'),
			ex('main', 'Halliwick transversal rotation control'),
			ex('main', 'Halliwick longitudinal rotation control'),
			rest('main', 60),
			ex('main', 'Halliwick upthrust'),
			ex('main', 'Halliwick turbulent gliding'),
			rest('main', 60),
			ex('main', 'Ai Chi uplifting'),
			ex('main', 'Ai Chi balancing'),
			ex('main', 'Ai Chi freeing'),
			ex('cool_down', 'Ai Chi contemplating'),
			ex('cool_down', 'Ai Chi enclosing'),
			ex('cool_down', 'Ai Chi folding'),
			ex('cool_down', 'Ai Chi floating'),
			ex('cool_down', 'Ai Chi soothing')
		]
	}
];

/** The demo routines' transition_seconds: "get ready" before each exercise that follows one. */
export const TRANSITION_SECONDS = 15;
