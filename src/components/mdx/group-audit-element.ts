/**
 * <hb-group-audit>: the reader registers work groups; each is flagged 解散 / 合并 /
 * 请无关人员退群 / 保留 (rules in src/lib/tools/group-audit.ts). Entries live in this
 * browser's localStorage only (shape documented there), follow other tabs, can be
 * changed, deleted or all cleared (after a confirmation). Storage that is missing, full
 * or corrupt never breaks the page: entries then last for the visit and the reader is told.
 */
import {
  ADVICE, auditGroups, auditText, decodeGroups, encodeGroups, isoDay, MAX_GROUPS, nextId, parseGroup, STORAGE_KEY,
  type Finding, type GroupEntry,
} from '../../lib/tools/group-audit';
import { store, storeProblem } from '../../lib/browser/storage';
import { copyText, el, enable, here, part, printTool, say, showErrors, stamp } from './tool-element';
import { define } from '../../lib/browser/dom';


class HbGroupAudit extends HTMLElement {
  #entries: GroupEntry[] = [];
  #editing: string | null = null;
  #form!: HTMLFormElement;

  connectedCallback(): void {
    this.#form = this.querySelector('form')!;
    enable(this);
    this.#field('lastUseful').max = isoDay(new Date());
    this.#load();
    if (storeProblem === 'blocked') this.#note('这个浏览器不能保存登记的内容（可能开启了无痕模式），关闭页面后记录不会保留。');
    this.#form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#submit();
    });
    this.#form.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).name === 'kind') this.#syncEnded();
    });
    this.addEventListener('click', (event) => void this.#onClick(event));
    window.addEventListener('storage', this.#onStorage);
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.#onStorage);
  }

  #field(name: string): HTMLInputElement {
    return this.#form.elements.namedItem(name) as HTMLInputElement;
  }

  #note(text: string): void {
    const note = part(this, 'storage');
    note.textContent = text;
    note.hidden = false;
  }

  #onStorage = (event: StorageEvent): void => {
    if (event.key === null || event.key === STORAGE_KEY) this.#load();
  };

  #load(): void {
    try {
      this.#entries = decodeGroups(store?.getItem(STORAGE_KEY));
    } catch {
      this.#entries = [];
    }
    this.#render();
  }

  #save(): void {
    if (!store) return;
    try {
      if (this.#entries.length) store.setItem(STORAGE_KEY, encodeGroups(this.#entries));
      else store.removeItem(STORAGE_KEY);
    } catch {
      this.#note('登记的内容没能保存（浏览器存储已满或被禁用），只在本次浏览中有效。');
    }
  }

  #render(): string {
    const report = auditGroups(this.#entries, new Date());
    this.toggleAttribute('data-has-entries', this.#entries.length > 0);
    part(this, 'result').hidden = !this.#entries.length;
    part(this, 'summary').textContent = report.summary;
    stamp(this, '体检日期');
    part(this, 'list').replaceChildren(...report.findings.map(item));
    return report.summary;
  }

  #syncEnded(): void {
    const ended = this.#field('ended');
    ended.disabled = (this.#form.elements.namedItem('kind') as RadioNodeList).value !== 'temporary';
    if (ended.disabled) ended.checked = false;
  }

  #submit(): void {
    const data = new FormData(this.#form);
    const parsed = parseGroup(
      {
        name: data.get('name'),
        purpose: data.get('purpose'),
        department: data.get('department'),
        kind: data.get('kind'),
        ended: data.has('ended'),
        lastUseful: data.get('lastUseful'),
        unrelated: data.has('unrelated'),
      },
      new Date(),
    );
    const first = showErrors(this.#form, parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) {
      const messages = Object.values(parsed.errors);
      say(this, `还不能保存，请先修改 ${messages.length} 处：${messages.join(' ')}`);
      first?.focus();
      return;
    }
    let done: string;
    if (this.#editing) {
      const id = this.#editing;
      this.#entries = this.#entries.map((e) => (e.id === id ? { id, ...parsed.fields } : e));
      done = `已保存对“${parsed.fields.name}”的修改。`;
    } else {
      if (this.#entries.length >= MAX_GROUPS) {
        say(this, `最多登记 ${MAX_GROUPS} 个群。请先删去已经处理完的群。`);
        return;
      }
      this.#entries = [...this.#entries, { id: nextId(this.#entries), ...parsed.fields }];
      done = `已添加“${parsed.fields.name}”。`;
    }
    this.#save();
    this.#stopEditing();
    say(this, done + this.#render());
    this.#field('name').focus();
  }

  #startEditing(entry: GroupEntry): void {
    this.#editing = entry.id;
    for (const name of ['name', 'purpose', 'department', 'lastUseful'] as const) this.#field(name).value = entry[name];
    (this.#form.elements.namedItem('kind') as RadioNodeList).value = entry.kind;
    this.#syncEnded();
    this.#field('ended').checked = entry.ended;
    this.#field('unrelated').checked = entry.unrelated;
    part(this, 'legend').textContent = `修改“${entry.name}”`;
    part(this, 'submit').textContent = '保存修改';
    this.querySelector<HTMLElement>('[data-action="cancel-edit"]')!.hidden = false;
    this.#field('name').focus();
    say(this, `正在修改“${entry.name}”，改好后按“保存修改”。`);
  }

  #stopEditing(): void {
    this.#editing = null;
    this.#form.reset();
    showErrors(this.#form, {});
    this.#syncEnded();
    part(this, 'legend').textContent = '登记一个工作群';
    part(this, 'submit').textContent = '添加';
    this.querySelector<HTMLElement>('[data-action="cancel-edit"]')!.hidden = true;
  }

  async #onClick(event: Event): Promise<void> {
    const button = (event.target as Element).closest<HTMLElement>('[data-action]');
    const entry = this.#entries.find((e) => e.id === button?.dataset.id);
    const confirm = part(this, 'confirm');
    switch (button?.dataset.action) {
      case 'edit':
        if (entry) this.#startEditing(entry);
        break;
      case 'cancel-edit':
        this.#stopEditing();
        this.#field('name').focus();
        say(this, '已取消修改。');
        break;
      case 'delete':
        if (!entry) break;
        this.#entries = this.#entries.filter((e) => e !== entry);
        if (this.#editing === entry.id) this.#stopEditing();
        this.#save();
        say(this, `已删除“${entry.name}”。${this.#render()}`);
        (this.#entries.length ? part(this, 'result').querySelector('h2,h3,h4,h5') as HTMLElement : this.#field('name')).focus();
        break;
      case 'copy': {
        const text = auditText(auditGroups(this.#entries, new Date()), new Date(), here());
        say(this, (await copyText(text)) ? '体检结果已复制为文本。' : '复制失败，请用“打印体检结果”。');
        break;
      }
      case 'print':
        printTool(this);
        break;
      case 'clear':
        confirm.hidden = false;
        confirm.querySelector<HTMLElement>('[data-action="clear-yes"]')!.focus();
        break;
      case 'clear-yes':
        this.#entries = [];
        this.#save();
        this.#stopEditing();
        confirm.hidden = true;
        this.#render();
        this.#field('name').focus();
        say(this, '已清空全部记录，这台设备上不再保存任何工作群。');
        break;
      case 'clear-no':
        confirm.hidden = true;
        this.querySelector<HTMLElement>('[data-action="clear"]')!.focus();
        break;
    }
  }
}

/** One group in the result list: name and advice, facts, reasons, change and delete. */
function item(f: Finding): HTMLLIElement {
  const { entry } = f;
  const li = el('li', { className: 'hb-audit__item' });
  li.dataset.advice = f.advice.join(' ');
  const head = el('p', { className: 'hb-audit__name' });
  head.append(el('strong', {}, entry.name), el('span', { className: 'hb-visually-hidden' }, '，建议：'));
  for (const a of f.advice) head.append(el('span', { className: `hb-audit__badge hb-audit__badge--${a}` }, ADVICE[a]));
  const kind = entry.kind === 'temporary' ? (entry.ended ? '临时群（工作已结束）' : '临时群') : '常设群';
  const facts = [entry.department, kind, entry.lastUseful && `最近有用消息：${entry.lastUseful}`, entry.unrelated && '有无关人员'];
  li.append(head, el('p', { className: 'hb-audit__meta' }, facts.filter(Boolean).join(' · ')));
  if (entry.purpose) li.append(el('p', { className: 'hb-audit__meta' }, `用途：${entry.purpose}`));
  const reasons = el('ul');
  reasons.append(...[...f.reasons, ...f.notes].map((r) => el('li', {}, r)));
  const actions = el('div', { className: 'hb-tool__actions' });
  for (const [action, label] of [['edit', '修改'], ['delete', '删除']]) {
    const button = el('button', { className: 'hb-button' }, label);
    button.type = 'button';
    button.dataset.action = action;
    button.dataset.id = entry.id;
    button.append(el('span', { className: 'hb-visually-hidden' }, `：${entry.name}`));
    actions.append(button);
  }
  li.append(reasons, actions);
  return li;
}

define('hb-group-audit', HbGroupAudit);
