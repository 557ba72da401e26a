/** The class controller on the phone (routes/(app)/control/[sessionId]): bar, buttons, banner, blocks, pool checks, wall mirror, display panel. English first; Spanish must have the same keys (the type says so). */
export const controllerEn = {};

export const controllerEs: Record<keyof typeof controllerEn, string> = {};
