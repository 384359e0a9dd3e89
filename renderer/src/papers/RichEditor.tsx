import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { LIVE_SOURCE_LABELS, LIVE_SOURCES, type LiveSource, type PaperBlock } from '../../../main/papers/blocks';
import { api, call, messageOf } from '../api';
import { Dialog } from '../components/Dialog';
import { FormButtons } from '../components/FormParts';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/fields';
import { blocksToHtml, clipboardBlocks, editorBlocks } from './html-blocks';

/**
 * The text of one section: a contenteditable area with a small toolbar (paragraph, bullet
 * list, numbered list 1. 2. 3., list i) ii) iii), bold, italic, link, table, live table).
 * It is uncontrolled: React gives it its first HTML and then leaves it alone, and every
 * change is read back into blocks (./html-blocks.ts) for the autosave. A paste is read as
 * blocks too, so Word's paragraphs and lists arrive as paragraphs and lists, without its
 * styles.
 */
interface Props {
  id: string;
  label: string;
  initial: readonly PaperBlock[];
  readOnly: boolean;
  /** The template numbers paragraphs: a typed "7. " at the start of a pasted paragraph is dropped. */
  numberedParagraphs: boolean;
  onChange(blocks: PaperBlock[]): void;
}

function exec(command: string, value?: string) {
  document.execCommand(command, false, value);
}

function closest(tag: string): HTMLElement | null {
  const node = document.getSelection()?.anchorNode ?? null;
  const el = node && (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement);
  return (el?.closest(tag) as HTMLElement | null) ?? null;
}

/** Fills a live table's placeholder with what the table shows today. */
async function previewLive(figure: HTMLElement) {
  let spec: { source: LiveSource; params: Record<string, string> };
  try {
    spec = JSON.parse(figure.dataset.live ?? '') as typeof spec;
  } catch {
    return;
  }
  const caption = document.createElement('figcaption');
  const body = document.createElement('div');
  body.className = 'live-table-body';
  try {
    const result = await call(api().paper.liveTable({ source: spec.source, params: spec.params }));
    if (result.ok) {
      caption.textContent = `Live table (filled in when the paper is exported): ${result.table.caption}`;
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const c of result.table.columns) head.appendChild(Object.assign(document.createElement('th'), { textContent: c.header }));
      const tbody = table.createTBody();
      for (const r of result.table.rows) {
        const tr = tbody.insertRow();
        for (const cell of r) tr.insertCell().textContent = cell;
      }
      body.appendChild(table);
    } else {
      caption.textContent = `Live table: ${LIVE_SOURCE_LABELS[spec.source]}`;
      body.textContent = `Live table unavailable: ${result.reason}.`;
    }
  } catch (err) {
    caption.textContent = `Live table: ${LIVE_SOURCE_LABELS[spec.source]}`;
    body.textContent = messageOf(err);
  }
  figure.replaceChildren(caption, body);
}

const TOOLS = [
  { tool: 'paragraph', label: 'Paragraph', title: 'Make this a plain paragraph' },
  { tool: 'bullets', label: '• List', title: 'Bulleted list' },
  { tool: 'numbered', label: '1. List', title: 'Numbered list 1. 2. 3.' },
  { tool: 'roman', label: 'i) List', title: 'Numbered list i) ii) iii)' },
  { tool: 'bold', label: 'Bold', title: 'Bold (Ctrl+B)' },
  { tool: 'italic', label: 'Italic', title: 'Italic (Ctrl+I)' },
  { tool: 'link', label: 'Link', title: 'Link the selected words to a web address (Ctrl+click a link to open it)' },
  { tool: 'table', label: 'Table', title: 'Insert a table with a header row' },
  { tool: 'live', label: 'Live table', title: 'Insert a table of the workspace’s own figures, filled in when the paper is exported' },
] as const;

/**
 * A link in a paper never takes over the app's window: a click on it (Ctrl+click while the text
 * is being edited, where a click only places the caret) opens it in a new window, which the
 * desktop app refuses and hands, if its allow-list agrees (main/electron/external-links.ts), to
 * the system browser or mail client; a browser opens a tab.
 */
function followLink(e: MouseEvent<HTMLDivElement>, readOnly: boolean) {
  const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
  if (!link || !e.currentTarget.contains(link)) return;
  if (!readOnly && !(e.ctrlKey || e.metaKey)) return;
  e.preventDefault();
  window.open(link.getAttribute('href') ?? '', '_blank', 'noopener,noreferrer');
}

export function RichEditor(props: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [dialog, setDialog] = useState<null | 'link' | 'table' | 'live'>(null);
  const saved = useRef<Range | null>(null);
  const { onChange } = props;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.innerHTML = blocksToHtml(props.initial) || '<p><br></p>';
    el.querySelectorAll<HTMLElement>('figure[data-live]').forEach((f) => void previewLive(f));
    // Set once per section shown: the editor owns its text from here on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.id]);

  const changed = () => {
    if (ref.current) onChange(editorBlocks(ref.current));
  };

  const keepSelection = () => {
    const sel = document.getSelection();
    saved.current = sel && sel.rangeCount > 0 && ref.current?.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null;
  };

  /**
   * Closes the dialog at once (flushSync), then puts the caret or selection back: while the
   * modal dialog is open the rest of the page is inert, so focus and execCommand('createLink')
   * would do nothing there.
   */
  const closeAndRestore = () => {
    flushSync(() => setDialog(null));
    restoreSelection();
  };

  const restoreSelection = () => {
    ref.current?.focus();
    const sel = document.getSelection();
    if (saved.current && sel) {
      sel.removeAllRanges();
      sel.addRange(saved.current);
    }
  };

  /**
   * Puts blocks after the paragraph the caret is in (or in its place, if it is empty).
   * Built with the DOM rather than execCommand('insertHTML'), which adds inline styles the
   * app's Content Security Policy refuses, and which the paper must not carry anyway.
   */
  const insertBlocks = (blocks: PaperBlock[]) => {
    const root = ref.current;
    if (!root) return;
    const template = document.createElement('template');
    template.innerHTML = blocksToHtml(blocks);
    const nodes = Array.from(template.content.childNodes);
    if (nodes.length === 0) return;
    let anchor: Node | null = document.getSelection()?.anchorNode ?? null;
    while (anchor && anchor.parentNode !== root) anchor = anchor.parentNode;
    if (anchor && root.contains(anchor) && (anchor.textContent ?? '').trim() === '' && !(anchor instanceof Element && anchor.querySelector('table, figure'))) {
      root.replaceChild(template.content, anchor);
    } else if (anchor && root.contains(anchor)) {
      root.insertBefore(template.content, anchor.nextSibling);
    } else {
      root.appendChild(template.content);
    }
    const last = nodes[nodes.length - 1]!;
    const range = document.createRange();
    range.selectNodeContents(last);
    range.collapse(false);
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    root.querySelectorAll<HTMLElement>('figure[data-live]:not(:has(.live-table-body))').forEach((f) => void previewLive(f));
    changed();
  };

  type Tool = 'paragraph' | 'bullets' | 'numbered' | 'roman' | 'bold' | 'italic' | 'link' | 'table' | 'live';
  const run = (tool: Tool) => {
    if (tool === 'link' || tool === 'table' || tool === 'live') {
      keepSelection();
      setDialog(tool);
      return;
    }
    ref.current?.focus();
    if (tool === 'paragraph') exec('formatBlock', 'p');
    else if (tool === 'bullets') exec('insertUnorderedList');
    else if (tool === 'numbered') exec('insertOrderedList');
    else if (tool === 'bold') exec('bold');
    else if (tool === 'italic') exec('italic');
    else if (tool === 'roman') {
      if (!closest('ol')) exec('insertOrderedList');
      const ol = closest('ol');
      if (ol) {
        ol.setAttribute('type', 'i');
        ol.dataset.style = 'lower-roman';
      }
    }
    changed();
  };

  return (
    <div className="rich-editor">
      {!props.readOnly && (
        <div className="rich-toolbar" role="toolbar" aria-label={`Format ${props.label}`}>
          {TOOLS.map((t) => (
            <button key={t.tool} type="button" className="rich-tool" title={t.title} onMouseDown={(e) => e.preventDefault()} onClick={() => run(t.tool)}>
              {t.label}
            </button>
          ))}
        </div>
      )}
      <div
        ref={ref}
        id={props.id}
        className="rich-text"
        role="textbox"
        aria-multiline="true"
        aria-label={`${props.label} text`}
        contentEditable={!props.readOnly}
        suppressContentEditableWarning
        spellCheck
        lang="en-GB"
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
        onInput={changed}
        onBlur={changed}
        onClick={(e) => followLink(e, props.readOnly)}
        onPaste={(e) => {
          e.preventDefault();
          const blocks = clipboardBlocks(e.clipboardData.getData('text/html'), e.clipboardData.getData('text/plain'), { numberedParagraphs: props.numberedParagraphs });
          const only = blocks[0];
          if (blocks.length === 1 && only?.type === 'paragraph' && typeof only.text === 'string') exec('insertText', only.text);
          else insertBlocks(blocks);
          changed();
        }}
      />
      {dialog === 'link' && (
        <LinkDialog
          onClose={() => setDialog(null)}
          onDone={(href) => {
            closeAndRestore();
            exec('createLink', href);
            changed();
          }}
        />
      )}
      {dialog === 'table' && (
        <TableDialog
          onClose={() => setDialog(null)}
          onDone={(columns, rows) => {
            closeAndRestore();
            insertBlocks([{ type: 'table', columns, rows: Array.from({ length: rows }, () => columns.map(() => '')) }]);
          }}
        />
      )}
      {dialog === 'live' && (
        <LiveDialog
          onClose={() => setDialog(null)}
          onDone={(block) => {
            closeAndRestore();
            insertBlocks([block, { type: 'paragraph', text: '' }]);
          }}
        />
      )}
    </div>
  );
}

function LinkDialog(props: { onClose(): void; onDone(href: string): void }) {
  const [href, setHref] = useState('https://');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^(https?:\/\/\S+\.\S+|mailto:\S+@\S+)$/i.test(href.trim())) return setError('Web address must start https:// (or mailto: for an email address)');
    props.onDone(href.trim());
  };
  return (
    <Dialog title="Link" onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <TextField name="href" label="Web address" hint="Select the words to link first; they are what the reader sees, so make them say where the link goes." value={href} onChange={setHref} error={error} />
        <FormButtons submit="Add link" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

function TableDialog(props: { onClose(): void; onDone(columns: string[], rows: number): void }) {
  const [columns, setColumns] = useState('');
  const [rows, setRows] = useState('3');
  const [errors, setErrors] = useState<{ columns?: string; rows?: string }>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cols = columns.split(',').map((c) => c.trim()).filter(Boolean);
    const n = Number(rows);
    const next: typeof errors = {};
    if (cols.length === 0) next.columns = 'Column headings are required, separated by commas (e.g. Project, Organisation, Amount)';
    if (cols.length > 12) next.columns = 'A table may have at most 12 columns';
    if (!Number.isInteger(n) || n < 1 || n > 200) next.rows = 'Rows must be a whole number from 1 to 200';
    setErrors(next);
    if (Object.keys(next).length === 0) props.onDone(cols, n);
  };
  return (
    <Dialog title="Insert a table" onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <TextField name="columns" label="Column headings" hint="Separated by commas. The first row of the table is its header, repeated on every page." value={columns} onChange={setColumns} error={errors.columns} />
        <TextField name="rows" label="Rows" value={rows} onChange={setRows} error={errors.rows} width="short" />
        <FormButtons submit="Insert table" onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

function LiveDialog(props: { onClose(): void; onDone(block: PaperBlock): void }) {
  const [source, setSource] = useState<LiveSource>('funding.awards');
  const [stream, setStream] = useState('VRF');
  const [year, setYear] = useState('2019/20');
  const [asAt, setAsAt] = useState('');
  const [preview, setPreview] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const params = (): Record<string, string> => (source === 'funding.awards' ? { stream: stream.trim(), year: year.trim() } : asAt.trim() ? { asAt: asAt.trim() } : {});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const r = await call(api().paper.liveTable({ source, params: params() }));
      if (!r.ok) {
        setError(`This table cannot be filled: ${r.reason}.`);
        return;
      }
      props.onDone({ type: 'live', source, params: params(), caption: r.table.caption });
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const check = async () => {
    try {
      const r = await call(api().paper.liveTable({ source, params: params() }));
      setPreview(r.ok ? `${r.table.caption}: ${r.table.rows.length} rows today.` : `Unavailable: ${r.reason}.`);
    } catch (err) {
      setPreview(messageOf(err));
    }
  };
  return (
    <Dialog title="Insert a live table" onClose={props.onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {error && <ErrorSummary message={error} />}
        <SelectField
          name="source"
          label="Figures"
          value={source}
          onChange={(v) => setSource(v as LiveSource)}
          options={LIVE_SOURCES.map((s) => ({ value: s, label: LIVE_SOURCE_LABELS[s] }))}
          hint="The table is filled in from the workspace each time the paper is exported."
        />
        {source === 'funding.awards' ? (
          <>
            <TextField name="stream" label="Funding stream reference" hint="e.g. VRF for the Violence Reduction Fund" value={stream} onChange={setStream} width="short" />
            <TextField name="year" label="Financial year" hint="e.g. 2019/20" value={year} onChange={setYear} width="short" />
          </>
        ) : (
          <TextField name="asAt" label="As at (optional)" hint="A date written YYYY-MM-DD; empty for the day of export" value={asAt} onChange={setAsAt} width="short" />
        )}
        <p role="status">{preview}</p>
        <div className="button-row">
          <button type="submit" className="button">
            Insert live table
          </button>
          <button type="button" className="button button-secondary" onClick={() => void check()}>
            Check
          </button>
          <button type="button" className="button button-secondary" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

