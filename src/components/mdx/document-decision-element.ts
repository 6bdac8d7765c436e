/**
 * <hb-document-decision>: shows the questions along the reader's path one at a time
 * (earlier answers can be changed; the path re-forms), then the advice with reasons and
 * next steps. The next question and the advice are announced in the polite live region;
 * focus stays where the reader is. Copy and print give a record for the file.
 */
import { decide, decisionText, QUESTIONS, type Answers, type Decision } from '../../lib/tools/document-decision';
import { copyText, el, enable, here, part, printTool, say, stamp } from './tool-element';
import { define } from '../../lib/browser/dom';

class HbDocumentDecision extends HTMLElement {
  connectedCallback(): void {
    enable(this);
    this.addEventListener('change', (event) => {
      if ((event.target as HTMLInputElement).type === 'radio') this.#update(true);
    });
    this.addEventListener('click', (event) => void this.#onClick(event));
    // Answers the browser kept across a reload are taken up, silently.
    this.#update(false);
  }

  #answers(): Answers {
    const checked = this.querySelectorAll<HTMLInputElement>('[data-question] input:checked');
    return Object.fromEntries([...checked].map((input) => [input.name, input.value]));
  }

  #subject(): HTMLInputElement {
    return this.querySelector('input[name="subject"]')!;
  }

  #update(announce: boolean): Decision {
    const decision = decide(this.#answers());
    const { path, outcome } = decision;
    this.querySelectorAll<HTMLFieldSetElement>('[data-question]').forEach((set) => {
      set.hidden = !path.includes(set.dataset.question as never);
    });
    part(this, 'result').hidden = !outcome;
    this.toggleAttribute('data-decided', !!outcome);
    if (outcome) {
      stamp(this, '判断日期');
      part(this, 'verdict').textContent = outcome.title;
      part(this, 'reasons').replaceChildren(...outcome.reasons.map((r) => el('li', {}, r)));
      part(this, 'next').replaceChildren(...outcome.next.map((n) => el('li', {}, n)));
    }
    if (announce) {
      say(this, outcome ? `建议：${outcome.title}。理由和下一步见下方。` : `下一个问题：${QUESTIONS[path[path.length - 1]].text}`);
    }
    return decision;
  }

  async #onClick(event: Event): Promise<void> {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'copy') {
      const ok = await copyText(decisionText(this.#answers(), this.#subject().value.trim(), new Date(), here()));
      say(this, ok ? '判断记录已复制为文本，可以粘贴到拟稿单或工作记录里。' : '复制失败，请用“打印判断记录”。');
    } else if (action === 'print') {
      printTool(this);
    } else if (action === 'restart') {
      this.querySelectorAll<HTMLInputElement>('[data-question] input').forEach((input) => (input.checked = false));
      this.#subject().value = '';
      this.#update(false);
      this.querySelector<HTMLInputElement>('[data-question] input')!.focus();
      say(this, '已清空答案，请从第一个问题重新判断。');
    }
  }
}

define('hb-document-decision', HbDocumentDecision);
