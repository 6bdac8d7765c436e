/**
 * <hb-meeting-cost>: enables the server-rendered form, estimates on submit (Enter in any
 * field, or the 估算 button), shows the result with its assumptions and announces a
 * one-line summary in the polite live region. Nothing is stored or sent. Editing a
 * number after an estimate marks the result out of date (kept off paper; copy and print
 * estimate again first).
 */
import { formatHours, formatShare } from '../../lib/tools/number';
import { estimateMeetingCost, meetingCostSummary, meetingCostText, parseMeetingCost, type MeetingCostResult } from '../../lib/tools/meeting-cost';
import { copyText, el, enable, here, part, printTool, say, showErrors, stamp } from './tool-element';
import { define } from '../../lib/browser/dom';

const hours = (minutes: number) => `${formatHours(minutes / 60)} 人·小时`;

class HbMeetingCost extends HTMLElement {
  #result: MeetingCostResult | null = null;

  connectedCallback(): void {
    const form = this.querySelector('form')!;
    enable(this);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#estimate(form);
    });
    form.addEventListener('input', () => {
      if (this.#result) part(this, 'stale').hidden = false;
      this.toggleAttribute('data-stale', !!this.#result);
    });
    this.addEventListener('click', (event) => void this.#onClick(event));
  }

  #estimate(form: HTMLFormElement): void {
    const parsed = parseMeetingCost(Object.fromEntries(new FormData(form)));
    const first = showErrors(form, parsed.ok ? {} : parsed.errors);
    if (!parsed.ok) {
      const messages = Object.values(parsed.errors);
      say(this, `还不能估算，请先修改 ${messages.length} 处：${messages.join(' ')}`);
      first?.focus();
      return;
    }
    const result = (this.#result = estimateMeetingCost(parsed.input));
    const num = (minutes: number) => formatHours(minutes / 60);
    part(this, 'breakdown').replaceChildren(
      row(['开会', num(result.meeting)]),
      row(['路上', num(result.travel)]),
      row(['合计', num(result.total)]),
    );
    part(this, 'within').textContent =
      (parsed.input.layers ? `合计中，层层传达会占 ${hours(result.relay)}；` : '合计中，') + `领导干部（主要负责人和分管领导）占 ${hours(result.leaders)}。`;
    part(this, 'scenarios').replaceChildren(
      ...result.scenarios.map((s) => row([s.label + (s.note ? `（${s.note}）` : ''), num(s.minutes), `${num(s.saved)}（${formatShare(s.saved, result.total)}）`])),
    );
    part(this, 'assumptions').replaceChildren(...result.assumptions.map((a) => el('li', {}, a)));
    const summary = meetingCostSummary(result);
    part(this, 'summary').textContent = summary;
    part(this, 'stale').hidden = true;
    this.removeAttribute('data-stale');
    stamp(this, '估算日期');
    part(this, 'result').hidden = false;
    say(this, `估算完成。${summary}`);
  }

  async #onClick(event: Event): Promise<void> {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (!action || !this.#result) return;
    // Numbers changed since the estimate: copy and print the new estimate, or show what to fix.
    if (this.hasAttribute('data-stale')) this.#estimate(this.querySelector('form')!);
    if (this.hasAttribute('data-stale')) return;
    if (action === 'copy') {
      const ok = await copyText(meetingCostText(this.#result, new Date(), here()));
      say(this, ok ? '结果已复制为文本，可以粘贴到微信或请示报告里。' : '复制失败，请用“打印结果”。');
    } else if (action === 'print') {
      printTool(this);
    }
  }
}

/** A table row: the first cell is a row header. */
function row(cells: string[]): HTMLTableRowElement {
  const tr = el('tr');
  cells.forEach((text, i) => {
    const cell = el(i ? 'td' : 'th', {}, text);
    if (!i) cell.setAttribute('scope', 'row');
    tr.append(cell);
  });
  return tr;
}

define('hb-meeting-cost', HbMeetingCost);
