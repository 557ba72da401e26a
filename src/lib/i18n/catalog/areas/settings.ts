/** Settings, pairing a display, the displays page. English first; Spanish must have the same keys (the type says so). */
export const settingsEn = {};

export const settingsEs: Record<keyof typeof settingsEn, string> = {};
