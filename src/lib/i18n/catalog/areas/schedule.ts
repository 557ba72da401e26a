/** Planning: the schedule, class series, session changes, rooms. English first; Spanish must have the same keys (the type says so). */
export const scheduleEn = {};

export const scheduleEs: Record<keyof typeof scheduleEn, string> = {};
