// Demo participant roster (fictional people); conditions drawn from reference/clinical.md.
import type { Locale } from '../../../i18n/locales';
import type { AquaticExclusion, AquaticPrecaution, AssistiveDevice } from '../../../shared/domain';
import type { NormSex } from '../../../shared/outcomes';

export type ParticipantSeed = {
	firstName: string;
	lastName: string;
	dateOfBirth: string; // 'YYYY-MM-DD'
	/** For the chair stand's norms (outcome tests). */
	sex: NormSex;
	precautions: string; // staff-only plain text
	assistiveDevice: AssistiveDevice;
	aquaticExclusions: AquaticExclusion[];
	aquaticPrecautions: AquaticPrecaution[];
	goals: string;
	emergencyContact: string;
	/** The language of their handouts; absent: the clinic's. */
	preferredLanguage?: Locale;
	/** Demo class series the participant attends. */
	classes: Array<'balance' | 'core' | 'aquatic'>;
};

export const PARTICIPANT_ROSTER: ParticipantSeed[] = [
	{
		firstName: 'Eleanor',
		lastName: 'Whitfield',
		dateOfBirth: '1941-03-14',
		sex: 'female',
		precautions:
			'Left hip replacement 2025: no crossing legs, no hip bending past 90 degrees. Osteoporosis.',
		assistiveDevice: 'walker',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Walk to the mailbox without the walker',
		emergencyContact: 'James Whitfield (son) 555-0101',
		classes: ['balance']
	},
	{
		firstName: 'Tomás',
		lastName: 'Herrera',
		dateOfBirth: '1950-07-02',
		sex: 'male',
		precautions:
			'Type 2 diabetes: check glucose before class. Light-headed on standing: rise slowly.',
		assistiveDevice: 'cane',
		aquaticExclusions: [],
		aquaticPrecautions: ['orthostatic_hypotension'],
		goals: 'Stand at the grill for a family barbecue',
		emergencyContact: 'Lucía Herrera (wife) 555-0112',
		preferredLanguage: 'es',
		classes: ['balance', 'aquatic']
	},
	{
		firstName: 'Adaeze',
		lastName: 'Okafor',
		dateOfBirth: '1956-11-20',
		sex: 'female',
		precautions: 'Chronic low back pain: avoid loaded spinal flexion, no full sit-ups.',
		assistiveDevice: 'none',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Lift a grandchild without back pain',
		emergencyContact: 'Chidi Okafor (husband) 555-0123',
		classes: ['core', 'aquatic']
	},
	{
		firstName: 'Hiroshi',
		lastName: 'Tanaka',
		dateOfBirth: '1938-05-09',
		sex: 'male',
		precautions:
			'Parkinson disease, mild: may freeze when turning, cue big steps. Takes medication at 9:00.',
		assistiveDevice: 'cane',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Turn around in the kitchen without freezing',
		emergencyContact: 'Keiko Tanaka (daughter) 555-0134',
		classes: ['balance']
	},
	{
		firstName: 'Fatima',
		lastName: 'Haddad',
		dateOfBirth: '1962-01-27',
		sex: 'female',
		precautions: 'Multiple sclerosis: heat sensitive, fatigues late in class. Offer rests early.',
		assistiveDevice: 'none',
		aquaticExclusions: [],
		aquaticPrecautions: ['ms_heat_intolerance'],
		goals: 'Garden for 30 minutes without resting',
		emergencyContact: 'Omar Haddad (brother) 555-0145',
		classes: ['core', 'aquatic']
	},
	{
		firstName: 'Walter',
		lastName: 'Kowalski',
		dateOfBirth: '1944-09-13',
		sex: 'male',
		precautions:
			'COPD: check SpO2 before and during class, pursed-lip breathing. Chlorine allergy (rash).',
		assistiveDevice: 'rollator',
		aquaticExclusions: ['chlorine_allergy'],
		aquaticPrecautions: [],
		goals: 'Walk around the grocery store with the rollator',
		emergencyContact: 'Anna Kowalski (wife) 555-0156',
		classes: ['balance', 'core']
	},
	{
		firstName: 'Rosa',
		lastName: 'Delgado',
		dateOfBirth: '1948-04-30',
		sex: 'female',
		precautions: 'Right knee osteoarthritis. Nervous in water: start at the pool steps.',
		assistiveDevice: 'cane',
		aquaticExclusions: [],
		aquaticPrecautions: ['fear_of_water'],
		goals: 'Climb the church steps holding the rail',
		emergencyContact: 'Marisol Delgado (daughter) 555-0167',
		preferredLanguage: 'es',
		classes: ['balance', 'aquatic']
	},
	{
		firstName: 'Kwame',
		lastName: 'Mensah',
		dateOfBirth: '1953-08-16',
		sex: 'male',
		precautions:
			'Bypass surgery 2023, cardiac rehab graduate. Beta blocker: use RPE 11-13, not heart rate.',
		assistiveDevice: 'none',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Walk 2 km with his walking group',
		emergencyContact: 'Ama Mensah (wife) 555-0178',
		classes: ['core', 'aquatic']
	},
	{
		firstName: 'Priya',
		lastName: 'Raman',
		dateOfBirth: '1966-02-11',
		sex: 'female',
		precautions: '',
		assistiveDevice: 'none',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Sit through a full workday without back ache',
		emergencyContact: 'Arjun Raman (husband) 555-0189',
		classes: ['core']
	},
	{
		firstName: 'Giuseppe',
		lastName: 'Romano',
		dateOfBirth: '1935-12-03',
		sex: 'male',
		precautions:
			'Two falls in the past year. Hearing aids: face him and use the screen when cueing.',
		assistiveDevice: 'walker',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Get up from a chair without help',
		emergencyContact: 'Paola Romano (granddaughter) 555-0190',
		classes: ['balance']
	},
	{
		firstName: 'Mei-Ling',
		lastName: 'Chen',
		dateOfBirth: '1946-06-25',
		sex: 'female',
		precautions: 'Colostomy: check the bag seal before pool sessions. Mild osteoporosis.',
		assistiveDevice: 'none',
		aquaticExclusions: [],
		aquaticPrecautions: ['ostomy'],
		goals: 'Carry groceries up the front steps',
		emergencyContact: 'David Chen (son) 555-0102',
		classes: ['balance', 'aquatic']
	},
	{
		firstName: 'Samuel',
		lastName: 'Goldberg',
		dateOfBirth: '1942-10-19',
		sex: 'male',
		precautions: 'Stroke 2022, right-sided weakness: stand on his right side when spotting.',
		assistiveDevice: 'quad_cane',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Walk to the synagogue with the quad cane',
		emergencyContact: 'Ruth Goldberg (wife) 555-0113',
		classes: ['balance']
	},
	{
		firstName: 'Ingrid',
		lastName: 'Johansson',
		dateOfBirth: '1959-03-08',
		sex: 'female',
		precautions: 'Right shoulder impingement: no overhead loading. Blood pressure often high.',
		assistiveDevice: 'none',
		aquaticExclusions: [],
		aquaticPrecautions: ['uncontrolled_bp'],
		goals: 'Swim a length of the pool again',
		emergencyContact: 'Lars Johansson (husband) 555-0124',
		classes: ['core', 'aquatic']
	},
	{
		firstName: 'Darnell',
		lastName: 'Brooks',
		dateOfBirth: '1951-01-22',
		sex: 'male',
		precautions:
			'Both knees replaced; uses a wheelchair for distance. Seated options for all standing work.',
		assistiveDevice: 'wheelchair',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Transfer to the car on his own',
		emergencyContact: 'Tanya Brooks (daughter) 555-0135',
		classes: ['core']
	},
	{
		firstName: 'Nadia',
		lastName: 'Petrova',
		dateOfBirth: '1960-09-05',
		sex: 'female',
		precautions:
			'Healing skin graft on the left shin: not cleared for the pool until the nurse signs off.',
		assistiveDevice: 'none',
		aquaticExclusions: ['open_wounds'],
		aquaticPrecautions: [],
		goals: 'Return to aquatic class after the graft heals',
		emergencyContact: 'Irina Petrova (sister) 555-0146',
		classes: ['core', 'aquatic']
	},
	{
		firstName: 'Lupe',
		lastName: 'Fonoti',
		dateOfBirth: '1949-12-14',
		sex: 'female',
		precautions: '',
		assistiveDevice: 'cane',
		aquaticExclusions: [],
		aquaticPrecautions: [],
		goals: 'Dance at the family wedding in June',
		emergencyContact: 'Sione Fonoti (son) 555-0157',
		classes: ['balance', 'core']
	}
];
