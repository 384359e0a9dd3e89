import { protocol } from 'electron';
import { APP_SCHEME } from './app-url';
import { serveBundleFile } from './bundle-response';

/**
 * Declares app:// before the app is ready (Electron only accepts this then).
 * standard: relative URLs and the origin work like https; secure: a secure context;
 * supportFetchAPI: fetch() may load app:// resources; corsEnabled: Vite's module scripts carry
 * `crossorigin`, so Chromium loads them in CORS mode, which a custom scheme must be allowed.
 * No Access-Control-Allow-Origin header is ever sent, so no other origin can read our files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves app://bundle/<path> from the built renderer (call once the app is ready). */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveBundleFile(rendererRoot, request.method, request.url));
}
