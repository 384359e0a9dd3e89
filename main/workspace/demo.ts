import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './bundle';

/** TEMPORARY: replaced by the Kent & Medway demo (helper task in progress). */
export function demoBundle(): Bundle {
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, schemaVersion: 1, exportedAt: '2020-03-31T00:00:00', tables: {} };
}
