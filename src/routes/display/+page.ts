// The display lives in the browser: device token in localStorage, clock, sound, wake lock.
export const ssr = false;
