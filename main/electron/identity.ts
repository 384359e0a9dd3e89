/**
 * The app's identity, shared by the main process and checked against electron-builder.yml
 * (test/unit/electron-builder-config.test.ts): Windows groups taskbar icons and shortcuts by
 * this id, so the running app and its installer must agree on it.
 */
export const APP_ID = 'uk.gov.vru.board-secretariat';
export const PRODUCT_NAME = 'Board Secretariat';
