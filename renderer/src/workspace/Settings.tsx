import { useEffect, useState, type FormEvent } from 'react';
import { AuditTrail } from '../audit/AuditTrail';
import { useAudit } from '../audit/store';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/fields';
import { errorsFromApi, NO_ERRORS, type FormErrors } from '../components/form-errors';
import { useWorkspace } from './store';

/** The workspace file, its settings, and the recent audit trail. */
export function Settings() {
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
      <h1>Settings</h1>
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
      <OrganisationNameForm key={info ? 'loaded' : 'loading'} />
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

function OrganisationNameForm() {
  const saved = useWorkspace((s) => s.info?.settings.organisationName ?? '');
  const setSetting = useWorkspace((s) => s.setSetting);
  const loadRecent = useAudit((s) => s.loadRecent);
  const [value, setValue] = useState(saved);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus('');
    if (value.trim() === '') {
      setErrors({ fields: { organisationName: 'Organisation name is required' }, form: null });
      return;
    }
    try {
      await setSetting('organisationName', value);
      setErrors(NO_ERRORS);
      setStatus('Saved.');
      void loadRecent();
    } catch (err) {
      // The setting's field is called "value" in the operation; here it is this one box.
      const e2 = errorsFromApi(err, ['value']);
      setErrors({ fields: e2.fields.value ? { organisationName: e2.fields.value } : {}, form: e2.form });
    }
  }

  return (
    <section aria-labelledby="org-name-title" className="section">
      <h2 id="org-name-title">Organisation</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errors.form && <ErrorSummary message={errors.form} />}
        <TextField
          name="organisationName"
          label="Organisation name"
          hint="Shown in the header, e.g. Kent and Medway Violence Reduction Unit."
          value={value}
          onChange={setValue}
          error={errors.fields.organisationName}
        />
        <div className="button-row">
          <button type="submit" className="button">
            Save organisation name
          </button>
          <span className="status" role="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}
