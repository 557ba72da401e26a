/** Participants, enrolment and handouts. English first; Spanish must have the same keys (the type says so). */
export const participantsEn = {};

export const participantsEs: Record<keyof typeof participantsEn, string> = {};
