/** Entry sheets, entry history, roster, walk-ins, head counts, alerts, reminders, unsent entries. English first; Spanish must have the same keys (the type says so). */
export const entriesEn = {};

export const entriesEs: Record<keyof typeof entriesEn, string> = {};
