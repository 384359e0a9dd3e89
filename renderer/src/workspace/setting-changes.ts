/**
 * What a save of the Settings form sends and refuses, worked out against the settings as the
 * form read them, never the live ones: a colleague's change refreshes the live settings while
 * the form is open, and compared with those an untouched box would look changed (sent, and
 * refused as stale although the person never touched it) or a box they changed back would look
 * untouched. `read` gives a setting as the form read it (its default when unset).
 */
export function settingChanges<K extends string>(fields: readonly K[], values: Record<K, string>, read: (key: K) => string): { key: K; value: string }[] {
  return fields.filter((k) => values[k].trim() !== '' && values[k] !== read(k)).map((k) => ({ key: k, value: values[k] }));
}

/** Boxes left blank that may not be: always `required`, and any that held a value when read (a setting cannot be emptied). */
export function blankSettings<K extends string>(fields: readonly K[], values: Record<K, string>, read: (key: K) => string, required: readonly K[]): K[] {
  return fields.filter((k) => values[k].trim() === '' && (required.includes(k) || read(k) !== ''));
}
