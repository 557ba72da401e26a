/** Planning: routines and the exercise library. English first; Spanish must have the same keys (the type says so). */
export const routinesEn = {};

export const routinesEs: Record<keyof typeof routinesEn, string> = {};
