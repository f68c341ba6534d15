declare const __FLUXIMAGE_API_ORIGIN__: string;

/** Where the key is sent: fluximage.app, or the fake API in test builds. */
export const API_ORIGIN: string = __FLUXIMAGE_API_ORIGIN__;

/** The host people are told about ("Access to fluximage.app is off"); host permissions ignore the port. */
export const API_HOST: string = new URL(API_ORIGIN).hostname;

/**
 * The dashboard is always the real site; links elsewhere are never opened. It is the one
 * FluxImage page the extension links to: the only one FluxImage documents (usage, billing,
 * API key settings), so it is also where a limited plan is changed.
 */
export const DASHBOARD_URL = 'https://fluximage.app/';
