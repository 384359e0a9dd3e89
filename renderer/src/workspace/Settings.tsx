import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import { AuditTrail } from '../audit/AuditTrail';
import { useAudit } from '../audit/store';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { Tabs, type Tab } from '../components/Tabs';
import { Backups } from './Backups';
import { hasRestoredMessage } from './backups-store';
import { reloadSaying } from '../app/WorkspaceBanner';
import { ApiFormView } from '../components/FormParts';
import { useApiForm } from '../components/useApiForm';
import { blankSettings, settingChanges } from './setting-changes';
import { canMoveWorkspace, connectedAsLabel, engineOf, useWorkspace, type SettingKey } from './store';

type SettingsTab = 'workspace' | 'backups';
const TABS: readonly Tab<SettingsTab>[] = [
  { id: 'workspace', label: 'Workspace' },
  { id: 'backups', label: 'Backups' },
];

/** Settings: the workspace (where it is, its settings and recent changes), and its backups. */
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

/** Where the workspace is (which engine, which file or database), its settings, and the recent audit trail. */
function WorkspaceSettings() {
  const info = useWorkspace((s) => s.info);
  const load = useWorkspace((s) => s.load);
  const recent = useAudit((s) => s.recent);
  const recentError = useAudit((s) => s.recentError);
  const loadRecent = useAudit((s) => s.loadRecent);
  const [moved, setMoved] = useState('');

  useEffect(() => {
    load().catch(() => {});
    void loadRecent();
  }, [load, loadRecent]);

  const engine = info ? engineOf(info) : null;
  return (
    <>
      <section aria-labelledby="workspace-title" className="section">
        <h2 id="workspace-title">Workspace</h2>
        {info && (
          <dl className="summary-list">
            <div>
              <dt>Engine</dt>
              <dd>{engine === 'postgres' ? 'PostgreSQL' : 'SQLite file'}</dd>
            </div>
            <div>
              <dt>{engine === 'postgres' ? 'Database' : 'File'}</dt>
              <dd className="path">{info.path}</dd>
            </div>
            {info.connectedAs && (
              <div>
                <dt>Connected as</dt>
                <dd>{connectedAsLabel(info)!.replace(/^Connected as /, '')}</dd>
              </div>
            )}
            <div>
              <dt>Schema version</dt>
              <dd>{info.schemaVersion}</dd>
            </div>
          </dl>
        )}
        {engine === 'sqlite' && canMoveWorkspace() && (
          <MoveToPostgres
            onStayed={(message) => {
              setMoved(message);
              void loadRecent();
            }}
          />
        )}
        <span className="status" role="status">
          {moved}
        </span>
        <OpenAnotherWorkspace />
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

/**
 * "Move to PostgreSQL…": the connection URL of the database that is to hold the workspace
 * from now on, sent to workspace.moveTo, whose refusal (unreachable server, a database that
 * is not empty, a wrong password) is shown by the box. Once moved, the main process has the
 * copy open and the app reloads, as after Open another workspace, so every screen reads it;
 * when it stayed on the file (a password in the address), onStayed shows what to do.
 */
function MoveToPostgres({ onStayed }: { onStayed: (message: string) => void }) {
  const moveTo = useWorkspace((s) => s.moveTo);
  const [open, setOpen] = useState(false);
  const form = useApiForm({
    fields: ['target', 'password'],
    initial: { target: '', password: '' },
    check: (v) => (v.target.trim() === '' ? { target: 'Enter the connection URL of the PostgreSQL database' } : null),
    toInput: (v) => ({ target: v.target.trim(), password: v.password }),
    submit: async ({ target, password }) => {
      const { opened, message } = await moveTo(target, password || undefined);
      if (opened) reloadSaying(message);
      else onStayed(message);
    },
  });

  if (!open) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        Move to PostgreSQL…
      </button>
    );
  }
  return (
    <ApiFormView
      form={form}
      heading={{ id: 'move-title', text: 'Move to PostgreSQL' }}
      submit="Move workspace"
      secondary
      onCancel={() => {
        form.reset({ target: '', password: '' });
        setOpen(false);
      }}
    >
      <TextField
        label="Connection URL"
        hint="The PostgreSQL database to hold this workspace from now on, e.g. postgres://board@db.example.org:5432/board_secretariat, without the password."
        {...form.field('target')}
      />
      <TextField
        label="Password"
        hint="The password of that user: kept encrypted for your Windows account (DPAPI) once the copy is open. Leave it empty to use your PostgreSQL password file."
        type="password"
        autoComplete="current-password"
        width="medium"
        {...form.field('password')}
      />
    </ApiFormView>
  );
}

/**
 * "Open another workspace…": a workspace file that exists, or a team workspace on a PostgreSQL
 * server, sent to workspace.open. Its refusal (no such file, a server that cannot be reached,
 * a password in the address, an empty database) is shown by the box, and this workspace stays
 * open; once opened the app reloads, so every screen reads the new workspace.
 */
function OpenAnotherWorkspace() {
  const openAnother = useWorkspace((s) => s.openAnother);
  const requested = useWorkspace((s) => s.openFormRequested);
  const requestOpenForm = useWorkspace((s) => s.requestOpenForm);
  // The first-run panel's "Connect to a team workspace" asks for the form before Settings is
  // shown, so it is open from the first render; the request is then cleared.
  const [open, setOpen] = useState(requested);
  useEffect(() => {
    if (!requested) return;
    requestOpenForm(false);
    requestAnimationFrame(() => document.getElementById('field-open-target')?.focus());
  }, [requested, requestOpenForm]);
  const form = useApiForm({
    fields: ['target', 'password'],
    idPrefix: 'open-',
    initial: { target: '', password: '' },
    check: (v) => (v.target.trim() === '' ? { target: 'Enter the workspace file’s path or the PostgreSQL address' } : null),
    toInput: (v) => ({ target: v.target.trim(), password: v.password }),
    submit: async ({ target, password }) => reloadSaying(await openAnother(target, password || undefined)),
  });

  if (!open) {
    return (
      <p>
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Open another workspace…
        </button>
      </p>
    );
  }
  return (
    <ApiFormView
      form={form}
      heading={{ id: 'open-title', text: 'Open another workspace' }}
      submit="Open"
      secondary
      onCancel={() => {
        form.reset({ target: '', password: '' });
        setOpen(false);
      }}
    >
      <TextField
        label="Workspace file or PostgreSQL address"
        hint="A workspace file, e.g. C:\Users\you\Documents\board.db, or a team workspace, e.g. postgres://you@db.example.org/board?sslmode=verify-full, with your own user name. Leave the password out of the address. The app opens this workspace from now on."
        {...form.field('target')}
      />
      <TextField
        label="Password (team workspace only)"
        hint="Your PostgreSQL password, typed once: the app keeps it encrypted for your Windows account (DPAPI). Leave it empty to use the one kept, or your PostgreSQL password file."
        type="password"
        autoComplete="current-password"
        width="medium"
        {...form.field('password')}
      />
    </ApiFormView>
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
  const shownValue = (settings: Record<string, string> | null | undefined, key: SettingKey) => settings?.[key] ?? (key === 'defaultProtectiveMarking' ? 'OFFICIAL' : '');
  const storedValue = (key: SettingKey) => shownValue(stored, key);
  // The settings as this form read them (others' changes may refresh `stored` meanwhile): each save says what
  // it read (`was`), so a colleague's change since is refused naming them, never overwritten unseen.
  const read = useRef<Partial<Record<SettingKey, string>> | null>(null);
  read.current ??= { ...stored };
  const wasOf = (key: SettingKey) => read.current?.[key] ?? null;
  // A setting as the form read it, shown as the box shows it: what a save compares with (setting-changes.ts).
  const readValue = (key: SettingKey) => wasOf(key) ?? (key === 'defaultProtectiveMarking' ? 'OFFICIAL' : '');
  // One setting read again: the one just saved, or the one refused (theirs is then what a save again goes on, knowingly).
  // The others stay as read, so a box left as it was is never sent over a colleague's change the form does not show.
  const readAgain = (key: SettingKey) => {
    read.current = { ...read.current, [key]: useWorkspace.getState().info?.settings[key] ?? null };
  };
  const form = useApiForm({
    fields: SETTING_FIELDS,
    initial: (): SettingValues => ({
      organisationName: storedValue('organisationName'),
      userName: storedValue('userName'),
      defaultProtectiveMarking: storedValue('defaultProtectiveMarking'),
    }),
    // A setting cannot be emptied once set (the workspace keeps a value per setting).
    check: (v) => {
      const blank = blankSettings(SETTING_FIELDS, v, readValue, ['organisationName']);
      return Object.fromEntries(blank.map((k) => [k, `${SETTING_LABELS[k]} is required`]));
    },
    toInput: (v) => settingChanges(SETTING_FIELDS, v, readValue),
    submit: async (changes) => {
      setStatus('');
      for (const { key, value } of changes) {
        try {
          await setSetting(key, value, wasOf(key));
          readAgain(key);
        } catch (err) {
          // Refused because a colleague changed it since: their value is shown beside yours, and is what a save again goes on, knowingly.
          if (err instanceof ApiError && err.stale) {
            await useWorkspace.getState().load().catch(() => undefined);
            readAgain(key);
          }
          throw err instanceof ApiError && err.field === 'value' ? new ApiError({ code: err.code, message: err.message, field: key }) : err;
        }
      }
      // Saved: the boxes show the settings as they now are (a colleague's change to a box left as it was, too), and are what the next save goes on.
      const live = useWorkspace.getState().info?.settings;
      read.current = { ...live };
      form.reset({ organisationName: shownValue(live, 'organisationName'), userName: shownValue(live, 'userName'), defaultProtectiveMarking: shownValue(live, 'defaultProtectiveMarking') });
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
