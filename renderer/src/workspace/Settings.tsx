import { useEffect, useState } from 'react';
import { ApiError } from '../api';
import { AuditTrail } from '../audit/AuditTrail';
import { useAudit } from '../audit/store';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { Tabs, type Tab } from '../components/Tabs';
import { Backups } from './Backups';
import { hasRestoredMessage } from './backups-store';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { useWorkspace, type SettingKey } from './store';

type SettingsTab = 'workspace' | 'backups';
const TABS: readonly Tab<SettingsTab>[] = [
  { id: 'workspace', label: 'Workspace' },
  { id: 'backups', label: 'Backups' },
];

/** Settings: the workspace (its file, settings and recent changes), and its backups. */
export function Settings() {
  // After a restore the app reloads: it comes back to the Backups page, which says what happened.
  const [tab, setTab] = useState<SettingsTab>(() => (hasRestoredMessage() ? 'backups' : 'workspace'));
  return (
    <>
      <h1>Settings</h1>
      <Tabs id="settings" label="Settings" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'workspace' ? <WorkspaceSettings /> : <Backups />}
      </Tabs>
    </>
  );
}

/** The workspace file, its settings, and the recent audit trail. */
function WorkspaceSettings() {
  const info = useWorkspace((s) => s.info);
  const load = useWorkspace((s) => s.load);
  const recent = useAudit((s) => s.recent);
  const recentError = useAudit((s) => s.recentError);
  const loadRecent = useAudit((s) => s.loadRecent);

  useEffect(() => {
    load().catch(() => {});
    void loadRecent();
  }, [load, loadRecent]);

  return (
    <>
      <section aria-labelledby="workspace-title" className="section">
        <h2 id="workspace-title">Workspace</h2>
        {info && (
          <dl className="summary-list">
            <div>
              <dt>File</dt>
              <dd className="path">{info.path}</dd>
            </div>
            <div>
              <dt>Schema version</dt>
              <dd>{info.schemaVersion}</dd>
            </div>
          </dl>
        )}
      </section>
      <SettingsForm key={info ? 'loaded' : 'loading'} />
      <section aria-labelledby="audit-title" className="section">
        <div className="section-header">
          <h2 id="audit-title">Recent changes</h2>
          <button type="button" className="button button-secondary" onClick={() => void loadRecent()}>
            Refresh
          </button>
        </div>
        <p className="hint">Every change to the workspace, newest first (the latest 100).</p>
        {recentError && <ErrorSummary message={recentError} />}
        <AuditTrail entries={recent} emptyText="Nothing has been changed in this workspace yet." />
      </section>
    </>
  );
}

const SETTING_FIELDS = ['organisationName', 'userName', 'defaultProtectiveMarking'] as const satisfies readonly SettingKey[];
type SettingValues = Record<(typeof SETTING_FIELDS)[number], string>;

const SETTING_LABELS: Record<SettingKey, string> = {
  organisationName: 'Organisation name',
  userName: 'Your name',
  defaultProtectiveMarking: 'Default protective marking',
};

const MARKING_OPTIONS = [
  { value: 'OFFICIAL', label: 'OFFICIAL' },
  { value: 'OFFICIAL-SENSITIVE', label: 'OFFICIAL-SENSITIVE' },
];

/**
 * The names and defaults the documents use. Only the settings that changed are sent, one
 * operation each; the workspace's refusal of one (its field is "value") goes by its box.
 */
function SettingsForm() {
  const stored = useWorkspace((s) => s.info?.settings ?? null);
  const setSetting = useWorkspace((s) => s.setSetting);
  const loadRecent = useAudit((s) => s.loadRecent);
  const [status, setStatus] = useState('');
  // An unset marking prints as OFFICIAL, so the form shows it so.
  const storedValue = (key: SettingKey) => stored?.[key] ?? (key === 'defaultProtectiveMarking' ? 'OFFICIAL' : '');
  const form = useApiForm({
    fields: SETTING_FIELDS,
    initial: (): SettingValues => ({
      organisationName: storedValue('organisationName'),
      userName: storedValue('userName'),
      defaultProtectiveMarking: storedValue('defaultProtectiveMarking'),
    }),
    // A setting cannot be emptied once set (the workspace keeps a value per setting).
    check: (v) => {
      const blank = SETTING_FIELDS.filter((k) => v[k].trim() === '' && (k === 'organisationName' || storedValue(k) !== ''));
      return Object.fromEntries(blank.map((k) => [k, `${SETTING_LABELS[k]} is required`]));
    },
    toInput: (v) => SETTING_FIELDS.filter((k) => v[k].trim() !== '' && v[k] !== storedValue(k)).map((k) => ({ key: k, value: v[k] })),
    submit: async (changes) => {
      setStatus('');
      for (const { key, value } of changes) {
        try {
          await setSetting(key, value);
        } catch (err) {
          throw err instanceof ApiError && err.field === 'value' ? new ApiError({ code: err.code, message: err.message, field: key }) : err;
        }
      }
      setStatus(changes.length ? 'Saved.' : 'Nothing had changed.');
      void loadRecent();
    },
  });

  return (
    <section aria-labelledby="settings-title" className="section">
      <h2 id="settings-title">Names and defaults</h2>
      <ApiFormView
        form={form}
        submit="Save settings"
        after={
          <span className="status" role="status">
            {/* Said only while what is on screen is what was saved. */}
            {SETTING_FIELDS.some((k) => form.values[k] !== storedValue(k)) ? '' : status}
          </span>
        }
      >
        <TextField label="Organisation name" hint="Shown in the header and on the performance and funding documents, e.g. Kent and Medway Violence Reduction Unit." {...form.field('organisationName')} />
        <TextField
          label="Your name"
          hint="Written as “Prepared by” on a Home Office spend return when no other name is given, e.g. Jo Bloggs."
          autoComplete="name"
          width="medium"
          {...form.field('userName')}
        />
        <SelectField
          label="Default protective marking"
          hint="Printed in the header and footer of the performance report, the funding summary and the spend return."
          options={MARKING_OPTIONS}
          {...form.field('defaultProtectiveMarking')}
        />
      </ApiFormView>
    </section>
  );
}
