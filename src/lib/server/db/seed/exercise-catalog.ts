// Demo exercise catalog for seeding; content drawn from reference/clinical.md.
import type { ExerciseCategory, WaterDepth } from '../../../shared/domain';
import type { Dosing, SupportTierCues } from '../../../shared/dosing';

export type ExerciseSeed = {
	name: string; // unique
	displayCue: string; // shown on the wall TV: short, plain, imperative
	technicianNotes: string; // staff only
	category: ExerciseCategory;
	dosing: Dosing;
	supportTiers: SupportTierCues; // {} where tiers make no sense (tests, aquatic)
	equipment: string[];
	waterDepth: WaterDepth | null; // only for aquatic exercises
	contraindications: string[];
	source: string;
};

export const EXERCISE_CATALOG: ExerciseSeed[] = [
	// ---- Otago Exercise Programme: warm-up, strength, balance ----
	{
		name: 'Marching warm-up',
		displayCue: 'March on the spot. Lift your knees, swing your arms.',
		technicianNotes:
			'Warm-up target RPE 6-9. Watch for dizziness or breathlessness; seated marching is fine.',
		category: 'aerobic',
		dosing: { kind: 'timed', seconds: 120, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {
			seated: 'Sit tall. Lift one knee, then the other.',
			supported: 'Hold the chair back with two hands and march.',
			standing: 'March on the spot without holding on.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Front knee strengthening',
		displayCue: 'Sit tall. Straighten one knee, then lower slowly.',
		technicianNotes:
			'Seated knee extension; add an ankle cuff weight when 10 reps feel light (RPE 12-13). ' +
			'Check the thigh does not lift off the seat.',
		category: 'strength',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit back in the chair. Straighten the knee and hold for a moment.'
		},
		equipment: ['chair', 'ankle cuff weight'],
		waterDepth: null,
		contraindications: ['acute knee pain'],
		source: 'Otago'
	},
	{
		name: 'Side hip strengthening',
		displayCue: 'Hold the chair. Lift one leg out to the side, then lower.',
		technicianNotes:
			'Toes point forward, trunk stays upright; no leaning away. Add a cuff weight to progress.',
		category: 'strength',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit tall. Slide one foot out to the side and back.',
			supported: 'Hold the chair back. Lift the leg out to the side.',
			standing: 'Hands on hips. Lift the leg out to the side.'
		},
		equipment: ['chair', 'ankle cuff weight'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Back knee strengthening',
		displayCue: 'Hold the chair. Bend one knee, heel toward your seat.',
		technicianNotes:
			'Knees stay side by side and the hip does not swing back. Add a cuff weight to progress.',
		category: 'strength',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			supported: 'Hold the chair back with two hands. Bend the knee behind you.',
			standing: 'Hold with one hand. Bend the knee behind you.'
		},
		equipment: ['chair', 'ankle cuff weight'],
		waterDepth: null,
		contraindications: ['acute knee pain'],
		source: 'Otago'
	},
	{
		name: 'Calf raises',
		displayCue: 'Hold the chair. Rise onto your toes, then lower slowly.',
		technicianNotes:
			'Weight over the big toes, slow lowering. Progress from two hands to one hand to none.',
		category: 'strength',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 3,
			sets: 2,
			restBetweenSetsSeconds: 30,
			perSide: false
		},
		supportTiers: {
			seated: 'Sit tall. Lift both heels, then lower.',
			supported: 'Hold the chair back. Rise onto your toes.',
			standing: 'Arms by your sides. Rise onto your toes.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Toe raises',
		displayCue: 'Hold the chair. Lift your toes, rock onto your heels.',
		technicianNotes:
			'Watch for a backward loss of balance; stand close to the chair. Hips stay straight.',
		category: 'strength',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 3,
			sets: 2,
			restBetweenSetsSeconds: 30,
			perSide: false
		},
		supportTiers: {
			seated: 'Sit tall. Lift your toes, keep heels down.',
			supported: 'Hold the chair back. Lift your toes off the floor.',
			standing: 'Arms by your sides. Lift your toes off the floor.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Knee bends',
		displayCue: 'Hold the chair. Bend your knees a little, then stand tall.',
		technicianNotes:
			'Mini squat: knees over toes, heels down, only as far as comfortable. Progress support.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the chair back with two hands. Bend and straighten.',
			standing: 'Arms forward. Bend and straighten your knees.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: ['acute knee pain'],
		source: 'Otago'
	},
	{
		name: 'Backwards walking',
		displayCue: 'Walk backwards ten steps. Then turn and walk back.',
		technicianNotes:
			'Walk beside anyone unsteady; use a kitchen bench or rail line. Clear the path behind.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 2,
			sets: 3,
			restBetweenSetsSeconds: 20,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the rail. Walk backwards ten steps.',
			standing: 'Walk backwards ten steps without holding on.'
		},
		equipment: ['handrail'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Walking and turning',
		displayCue: 'Walk a figure eight around the cones. Go slowly.',
		technicianNotes:
			'Watch for freezing or shuffling on turns; cue big steps. Use the walking aid if prescribed.',
		category: 'balance_dynamic',
		dosing: { kind: 'timed', seconds: 60, sets: 2, restBetweenSetsSeconds: 30, perSide: false },
		supportTiers: {
			supported: 'Walk the figure eight with your walking aid.',
			standing: 'Walk the figure eight, arms relaxed.'
		},
		equipment: ['cones'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Sideways walking',
		displayCue: 'Step sideways ten steps. Feet apart, then together.',
		technicianNotes: 'Toes point forward, no crossing feet. Hold the rail or bench to start.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 2,
			sets: 2,
			restBetweenSetsSeconds: 20,
			perSide: true
		},
		supportTiers: {
			supported: 'Hold the rail. Step sideways ten steps.',
			standing: 'Hands on hips. Step sideways ten steps.'
		},
		equipment: ['handrail'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Tandem stance',
		displayCue: 'Put one foot in front of the other. Stand still.',
		technicianNotes:
			'Heel directly in front of toes. Stand within arm reach; progress to eyes closed later.',
		category: 'balance_static',
		dosing: {
			kind: 'hold',
			holdSeconds: 10,
			reps: 2,
			restBetweenRepsSeconds: 10,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			supported: 'Hold the chair back. Heel to toe, stand still.',
			standing: 'Arms by your sides. Heel to toe, stand still.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Tandem walk',
		displayCue: 'Walk heel to toe along the line. Look ahead.',
		technicianNotes:
			'Walk beside the participant; allow a hand on the rail. Eyes forward, not down.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 2,
			sets: 2,
			restBetweenSetsSeconds: 20,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the rail. Walk heel to toe.',
			standing: 'Walk heel to toe without holding on.'
		},
		equipment: ['handrail', 'floor tape'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'One-leg stand',
		displayCue: 'Hold the chair. Stand on one leg. Stay tall.',
		technicianNotes:
			'Progress hold time toward 30 s, then reduce support. Stand on the side of the weaker leg.',
		category: 'balance_static',
		dosing: {
			kind: 'hold',
			holdSeconds: 10,
			reps: 3,
			restBetweenRepsSeconds: 10,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			supported: 'Hold the chair back. Lift one foot a little.',
			standing: 'Hands on hips. Lift one foot a little.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Heel walking',
		displayCue: 'Lift your toes. Walk ten steps on your heels.',
		technicianNotes:
			'Watch for backward loss of balance; walk beside. Hips stay straight, not sitting back.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 2,
			sets: 3,
			restBetweenSetsSeconds: 20,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the rail. Walk on your heels.',
			standing: 'Walk on your heels without holding on.'
		},
		equipment: ['handrail'],
		waterDepth: null,
		contraindications: ['acute ankle injury'],
		source: 'Otago'
	},
	{
		name: 'Toe walking',
		displayCue: 'Rise onto your toes. Walk ten steps.',
		technicianNotes: 'Stay high on the toes the whole way. Walk beside; allow the rail at first.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 2,
			sets: 3,
			restBetweenSetsSeconds: 20,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the rail. Walk on your toes.',
			standing: 'Walk on your toes without holding on.'
		},
		equipment: ['handrail'],
		waterDepth: null,
		contraindications: ['acute ankle injury'],
		source: 'Otago'
	},
	{
		name: 'Heel-toe walking backwards',
		displayCue: 'Walk backwards, toe to heel. Go slowly.',
		technicianNotes:
			'Hardest Otago walk: only after tandem walk is steady. Stand behind and to the side.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 3,
			sets: 2,
			restBetweenSetsSeconds: 20,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the rail. Walk backwards, toe to heel.',
			standing: 'Walk backwards, toe to heel, without holding on.'
		},
		equipment: ['handrail', 'floor tape'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},
	{
		name: 'Sit-to-stand',
		displayCue: 'Lean forward. Stand up, then sit down slowly.',
		technicianNotes:
			'Progress from two hands on the armrests to one to arms crossed. Feet back, nose over toes.',
		category: 'strength',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {
			seated: 'Push up with both hands on the armrests.',
			supported: 'Push up with one hand on the armrest.',
			standing: 'Cross your arms. Stand up, sit down.'
		},
		equipment: ['chair with armrests'],
		waterDepth: null,
		contraindications: ['acute knee pain'],
		source: 'Otago'
	},
	{
		name: 'Stair walking',
		displayCue: 'Hold the rail. Step up, then step down. Go slowly.',
		technicianNotes:
			'Up with the stronger leg, down with the weaker. Stand below the participant on the way up.',
		category: 'balance_dynamic',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 3,
			sets: 2,
			restBetweenSetsSeconds: 30,
			perSide: false
		},
		supportTiers: {
			supported: 'Hold the rail with one hand. Step up and down.',
			standing: 'Step up and down without holding on.'
		},
		equipment: ['step', 'handrail'],
		waterDepth: null,
		contraindications: [],
		source: 'Otago'
	},

	// ---- CDC STEADI 4-Stage Balance Test stances (10 s each, no aid, stop at first failure) ----
	{
		name: 'STEADI stance: feet together',
		displayCue: 'Stand with your feet together. Stay still.',
		technicianNotes:
			'Stage 1 of 4. Eyes open, no aid; stand close. Stop the test at first failure.',
		category: 'balance_static',
		dosing: { kind: 'timed', seconds: 10, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: null,
		contraindications: [],
		source: 'STEADI'
	},
	{
		name: 'STEADI stance: semi-tandem',
		displayCue: 'Put one foot half a step ahead. Stay still.',
		technicianNotes: 'Stage 2 of 4: instep of one foot touching the big toe of the other. No aid.',
		category: 'balance_static',
		dosing: { kind: 'timed', seconds: 10, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: null,
		contraindications: [],
		source: 'STEADI'
	},
	{
		name: 'STEADI stance: tandem',
		displayCue: 'Put one foot right in front of the other. Stay still.',
		technicianNotes:
			'Stage 3 of 4. Failing to hold tandem for 10 s means increased fall risk: record it.',
		category: 'balance_static',
		dosing: { kind: 'timed', seconds: 10, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: null,
		contraindications: [],
		source: 'STEADI'
	},
	{
		name: 'STEADI stance: single leg',
		displayCue: 'Stand on one foot. Stay still.',
		technicianNotes:
			'Stage 4 of 4. Only if tandem was held 10 s. Time each foot; record the better side.',
		category: 'balance_static',
		dosing: { kind: 'timed', seconds: 10, sets: 1, restBetweenSetsSeconds: 0, perSide: true },
		supportTiers: {},
		equipment: [],
		waterDepth: null,
		contraindications: [],
		source: 'STEADI'
	},
	{
		name: '30-second chair stand',
		displayCue: 'Arms crossed. Stand up and sit down. Keep going.',
		technicianNotes:
			'17 in chair against a wall; count full stands. Arms used = score 0. Compare with age norms.',
		category: 'strength',
		dosing: { kind: 'timed', seconds: 30, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: ['chair (17 in seat)'],
		waterDepth: null,
		contraindications: ['acute knee pain'],
		source: 'STEADI'
	},
	{
		name: 'Tai Ji Quan weight shift',
		displayCue: 'Feet apart. Shift your weight slowly side to side.',
		technicianNotes:
			'Slow, continuous shifts, soft knees. Progress seated -> sit-and-stand -> chair-assisted.',
		category: 'balance_dynamic',
		dosing: { kind: 'timed', seconds: 60, sets: 2, restBetweenSetsSeconds: 20, perSide: false },
		supportTiers: {
			seated: 'Sit tall. Lean gently left, then right.',
			supported: 'Hold the chair back. Shift your weight side to side.',
			standing: 'Hands floating in front. Shift your weight side to side.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Tai Ji Quan'
	},

	// ---- Core ----
	{
		name: 'Pelvic tilt',
		displayCue: 'Flatten your low back. Hold, then relax.',
		technicianNotes:
			'Small movement from the pelvis; breathe out during the hold, no breath holding.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 5,
			reps: 10,
			restBetweenRepsSeconds: 3,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {
			seated: 'Sit tall. Press your low back into the chair.',
			supported: 'Lie on the mat, knees bent. Press your low back down.',
			standing: 'Back against the wall. Press your low back to the wall.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: [],
		source: 'Core dosing handout'
	},
	{
		name: 'Bird dog',
		displayCue: 'On hands and knees. Reach one arm and the other leg.',
		technicianNotes:
			'Back stays flat, no hip rotation. Progress hold to 10 s. Use the table version for knees.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 5,
			reps: 10,
			restBetweenRepsSeconds: 2,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			supported: 'Hands on the table. Slide one leg back and hold.',
			standing: 'On hands and knees. Reach one arm and the other leg.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: ['knee pain when kneeling'],
		source: 'Core dosing handout'
	},
	{
		name: 'Dead bug',
		displayCue: 'On your back. Lower one arm and the other leg.',
		technicianNotes:
			'Low back stays in contact with the mat; shorten the lever (bent knee) if it arches.',
		category: 'core',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit tall. Lift one arm and the other knee.',
			supported: 'On your back, feet down. Lower one arm overhead.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: [],
		source: 'Core dosing handout'
	},
	{
		name: 'Side plank',
		displayCue: 'Lie on your side. Lift your hips and hold.',
		technicianNotes:
			'Start from the knees, elbow under the shoulder. Progress reps from 5 toward 10.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 5,
			reps: 5,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			supported: 'Stand side-on to the wall. Lean on your forearm and hold.',
			standing: 'On your side, knees bent. Lift your hips.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: ['acute shoulder pain'],
		source: 'Core dosing handout'
	},
	{
		name: 'Transverse abdominis brace',
		displayCue: 'Draw your belly in gently. Hold and keep breathing.',
		technicianNotes:
			'About 30 % effort; watch for breath holding and rib flaring. Can be done in any position.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 10,
			reps: 10,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {
			seated: 'Sit tall. Draw your belly in and breathe.',
			supported: 'Lie on the mat, knees bent. Draw your belly in.',
			standing: 'Stand tall. Draw your belly in and breathe.'
		},
		equipment: [],
		waterDepth: null,
		contraindications: [],
		source: 'Core dosing handout'
	},
	{
		name: 'McGill curl-up',
		displayCue: 'Hands under your low back. Lift your head a little.',
		technicianNotes:
			'One knee bent, one straight; swap halfway. Head and shoulders lift only slightly.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 10,
			reps: 5,
			restBetweenRepsSeconds: 5,
			sets: 2,
			restBetweenSetsSeconds: 30,
			perSide: false
		},
		supportTiers: {
			supported: 'On your back. Brace and lift only your head.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: ['acute neck pain', 'osteoporotic spine fracture'],
		source: 'McGill big 3'
	},
	{
		name: 'McGill side bridge',
		displayCue: 'On your side. Lift your hips. Hold still.',
		technicianNotes:
			'Knees bent to start, then straight legs. Body in a line; stop if shoulder pain.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 10,
			reps: 5,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			supported: 'Stand side-on to the wall. Lean on your forearm.',
			standing: 'On your side, knees bent. Lift your hips.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: ['acute shoulder pain'],
		source: 'McGill big 3'
	},
	{
		name: 'Seated marching',
		displayCue: 'Sit tall. Tighten your belly. Lift one knee at a time.',
		technicianNotes:
			'Trunk stays still, no leaning back. Good for wheelchair users and low-tolerance days.',
		category: 'core',
		dosing: { kind: 'timed', seconds: 60, sets: 2, restBetweenSetsSeconds: 20, perSide: false },
		supportTiers: {
			seated: 'Sit tall, hold the seat. Lift one knee at a time.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Core class'
	},
	{
		name: 'Bridge',
		displayCue: 'On your back, knees bent. Lift your hips, then lower.',
		technicianNotes:
			'Squeeze the seat, no arching the low back. Progress to a 3-5 s hold at the top.',
		category: 'core',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 4,
			sets: 2,
			restBetweenSetsSeconds: 30,
			perSide: false
		},
		supportTiers: {
			supported: 'On your back, knees bent. Lift your hips a little.',
			standing: 'Back against the wall. Squeeze your seat and hold.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: ['recent hip surgery'],
		source: 'Core class'
	},
	{
		name: 'Heel slides',
		displayCue: 'On your back. Slide one heel out, then back.',
		technicianNotes:
			'Keep the brace on and the pelvis level while the leg moves. Easy entry to dead bug.',
		category: 'core',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 3,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit tall. Slide one foot forward, then back.',
			supported: 'On your back. Slide one heel out, then back.'
		},
		equipment: ['mat'],
		waterDepth: null,
		contraindications: [],
		source: 'Core class'
	},
	{
		name: 'Seated lean-back hold',
		displayCue: 'Sit tall. Lean back a little. Hold, then sit up.',
		technicianNotes:
			'Arms crossed on the chest; small lean only, back stays off the backrest. Watch breathing.',
		category: 'core',
		dosing: {
			kind: 'hold',
			holdSeconds: 5,
			reps: 8,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {
			seated: 'Hold the seat edges. Lean back a little and hold.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: ['acute low back pain'],
		source: 'Core class'
	},

	// ---- Flexibility / cool-down ----
	{
		name: 'Calf stretch',
		displayCue: 'Hold the chair. Step one foot back. Heel down.',
		technicianNotes: 'Back knee straight, heel on the floor, no bouncing. Cool-down RPE 6-9.',
		category: 'flexibility',
		dosing: {
			kind: 'hold',
			holdSeconds: 30,
			reps: 2,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit tall. Leg straight, pull your toes toward you.',
			supported: 'Hold the chair back. Step back, press the heel down.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Class cool-down'
	},
	{
		name: 'Seated hamstring stretch',
		displayCue: 'Sit tall. Leg straight. Lean forward gently.',
		technicianNotes:
			'Hinge at the hips with a straight back. Hip replacements: keep flexion under 90 degrees.',
		category: 'flexibility',
		dosing: {
			kind: 'hold',
			holdSeconds: 30,
			reps: 2,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit at the chair edge. Heel down, lean forward a little.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: ['recent hip replacement'],
		source: 'Class cool-down'
	},
	{
		name: 'Chest opener',
		displayCue: 'Hands behind your head. Open your elbows wide.',
		technicianNotes:
			'Gentle stretch; hands can rest on the shoulders instead. No pushing the neck forward.',
		category: 'flexibility',
		dosing: {
			kind: 'hold',
			holdSeconds: 20,
			reps: 3,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {
			seated: 'Sit tall. Hands on your shoulders, elbows wide.',
			standing: 'Stand tall. Hands behind your head, elbows wide.'
		},
		equipment: [],
		waterDepth: null,
		contraindications: ['acute shoulder pain'],
		source: 'Class cool-down'
	},
	{
		name: 'Seated trunk rotation',
		displayCue: 'Sit tall. Turn to look over one shoulder. Hold.',
		technicianNotes:
			'Turn from the middle back, hips face forward. Keep it small after spinal surgery.',
		category: 'flexibility',
		dosing: {
			kind: 'hold',
			holdSeconds: 10,
			reps: 3,
			restBetweenRepsSeconds: 5,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit tall. Hold the backrest and turn gently.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: ['osteoporotic spine fracture'],
		source: 'Class cool-down'
	},
	{
		name: 'Ankle circles',
		displayCue: 'Lift one foot. Draw slow circles with your toes.',
		technicianNotes: 'Both directions. Good seated option and a gentle end to the class.',
		category: 'flexibility',
		dosing: {
			kind: 'reps',
			reps: 10,
			secondsPerRep: 3,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {
			seated: 'Sit tall. Lift one foot and circle it.',
			supported: 'Hold the chair back. Lift one foot and circle it.'
		},
		equipment: ['chair'],
		waterDepth: null,
		contraindications: [],
		source: 'Class cool-down'
	},

	// ---- Aquatic: warm-up ----
	{
		name: 'Water walking',
		displayCue: 'Walk forward in the water. Stand tall, arms swing.',
		technicianNotes:
			'Warm-up RPE 6-9. Start near the rail; check water temperature and headcount first.',
		category: 'aerobic',
		dosing: { kind: 'timed', seconds: 180, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'waist',
		contraindications: [],
		source: 'Aquatic class'
	},
	{
		name: 'Water marching',
		displayCue: 'March on the spot. Lift your knees high.',
		technicianNotes:
			'One hand on the rail if needed. Watch for dizziness; slow the pace if breathless.',
		category: 'aerobic',
		dosing: { kind: 'timed', seconds: 120, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: ['pool rail'],
		waterDepth: 'waist',
		contraindications: [],
		source: 'Aquatic class'
	},
	{
		name: 'Sideways water walking',
		displayCue: 'Step sideways along the wall. Feet apart, together.',
		technicianNotes:
			'Face the pool wall and use the rail to start. Water resistance slows each step.',
		category: 'balance_dynamic',
		dosing: { kind: 'timed', seconds: 30, sets: 2, restBetweenSetsSeconds: 15, perSide: true },
		supportTiers: {},
		equipment: ['pool rail'],
		waterDepth: 'waist',
		contraindications: [],
		source: 'Aquatic class'
	},

	// ---- Aquatic: Halliwick 10-point programme ----
	{
		name: 'Halliwick mental adjustment',
		displayCue: 'Breathe in. Blow bubbles on the water. Relax.',
		technicianNotes:
			'Breath control and getting used to the water. Go slowly with anyone afraid of water.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick disengagement',
		displayCue: 'Let go of the wall. Stand on your own. Breathe.',
		technicianNotes:
			'Reduce hand contact step by step: two hands, one hand, fingertips, none. Stay within reach.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: ['pool rail'],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick sagittal rotation control',
		displayCue: 'Tip your head to one side. Come back to the middle.',
		technicianNotes:
			'Side-to-side control in standing; ear toward the water, then recover upright.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 60, sets: 1, restBetweenSetsSeconds: 0, perSide: true },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: ['acute neck pain'],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick transversal rotation control',
		displayCue: 'Tuck your knees up. Stand back up. Slowly.',
		technicianNotes:
			'Forward-back rotation: from standing to a tucked float and back. Helper at the side.',
		category: 'aquatic_method',
		dosing: {
			kind: 'reps',
			reps: 6,
			secondsPerRep: 10,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {},
		equipment: ['pool noodle'],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick longitudinal rotation control',
		displayCue: 'Float on your back. Roll to one side, then back.',
		technicianNotes:
			'Rolling around the long axis; turn the head first. One helper per floating participant.',
		category: 'aquatic_method',
		dosing: {
			kind: 'reps',
			reps: 4,
			secondsPerRep: 10,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: true
		},
		supportTiers: {},
		equipment: ['pool noodle'],
		waterDepth: 'mid_chest',
		contraindications: ['acute neck pain'],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick upthrust',
		displayCue: 'Let the water lift you. Float and relax.',
		technicianNotes:
			'Teaches that the water carries you: sink, feel the lift. Helper holds at the shoulders.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 60, sets: 2, restBetweenSetsSeconds: 20, perSide: false },
		supportTiers: {},
		equipment: ['pool noodle'],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick balance in stillness',
		displayCue: 'Stand still in the water. Arms out. Stay steady.',
		technicianNotes:
			'Hold a stable float or stance while the water settles; small hand sculling only.',
		category: 'aquatic_method',
		dosing: {
			kind: 'hold',
			holdSeconds: 20,
			reps: 3,
			restBetweenRepsSeconds: 10,
			sets: 1,
			restBetweenSetsSeconds: 0,
			perSide: false
		},
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Halliwick'
	},
	{
		name: 'Halliwick turbulent gliding',
		displayCue: 'Float on your back. Stay relaxed as you glide.',
		technicianNotes:
			'Helper walks behind the head making turbulence, no touching. Only once upthrust is easy.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 60, sets: 2, restBetweenSetsSeconds: 30, perSide: false },
		supportTiers: {},
		equipment: ['pool noodle'],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Halliwick'
	},

	// ---- Aquatic: Ai Chi (shoulder-depth water, 31-32 C) ----
	{
		name: 'Ai Chi contemplating',
		displayCue: 'Breathe in, palms up. Breathe out, palms down.',
		technicianNotes:
			'Knees soft so water reaches the shoulders. Slow deep breathing sets the pace of every move.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi floating',
		displayCue: 'Let your arms float up to the sides. Then sink.',
		technicianNotes: 'Arms rise with the in-breath, sink with the out-breath. Shoulders relaxed.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi uplifting',
		displayCue: 'Lift your arms in front, palms up. Then press down.',
		technicianNotes: 'Slow and smooth; keep the knees soft and the back tall.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi enclosing',
		displayCue: 'Open your arms wide. Bring them in to hug the water.',
		technicianNotes: 'Arms stay at the surface. Watch shoulder comfort; reduce the range if sore.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi folding',
		displayCue: 'Reach your arms forward. Fold them back to your chest.',
		technicianNotes: 'Breathe out while folding in. Keep the trunk upright and the knees soft.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 90, sets: 1, restBetweenSetsSeconds: 0, perSide: false },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi soothing',
		displayCue: 'Sweep one arm across the water. Turn gently with it.',
		technicianNotes:
			'Gentle trunk rotation following the arm, feet stay planted. Eyes follow the hand.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 60, sets: 1, restBetweenSetsSeconds: 0, perSide: true },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi freeing',
		displayCue: 'Step forward. Sweep your arms out wide, then back.',
		technicianNotes:
			'Adds a step and weight shift: a balance challenge. Stand near anyone unsteady.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 60, sets: 1, restBetweenSetsSeconds: 0, perSide: true },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	},
	{
		name: 'Ai Chi balancing',
		displayCue: 'Lift one knee. Reach your arms forward. Hold.',
		technicianNotes:
			'Single-leg balance in water; stay close and allow a noodle or rail. Switch legs slowly.',
		category: 'aquatic_method',
		dosing: { kind: 'timed', seconds: 45, sets: 1, restBetweenSetsSeconds: 0, perSide: true },
		supportTiers: {},
		equipment: [],
		waterDepth: 'mid_chest',
		contraindications: [],
		source: 'Ai Chi'
	}
];
