// The character counter under a text question (as GOV.UK's character count): the visible line follows every
// keystroke; screen readers hear it through a polite live region only once typing pauses, so they are not
// interrupted at each letter. Length counts code points, as the server's JSON Schema maxLength does, and going
// over is allowed (the validator's message says what to do), never cut.
import { LitElement, html } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';

const PAUSE_MS = 1000;

/** The length the server's maxLength counts (Unicode code points, not UTF-16 units). */
export const textLength = (s: string): number => [...s].length;

export class CharCount extends LitElement {
  static override properties = { length: { type: Number }, max: { type: Number }, spoken: { state: true } };
  /** The text's length so far (textLength). */
  declare length: number;
  declare max: number;
  /** What the live region says, set once typing pauses. */
  declare spoken: string;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.length = 0;
    this.max = 0;
    this.spoken = '';
  }

  // Light DOM: the answering page's styles (.counter, .sr-only) apply.
  protected override createRenderRoot(): this {
    return this;
  }

  private line(): string {
    const left = this.max - this.length;
    return left >= 0
      ? msg(str`${left} of ${this.max} characters left`, { id: 'answer.chars-left' })
      : msg(str`${-left} over the ${this.max}-character limit`, { id: 'answer.chars-over' });
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('length') || changed.get('length') === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.spoken = this.line()), PAUSE_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override render() {
    const over = this.length > this.max;
    return html`<p class="counter ${over ? 'over' : ''}" aria-hidden="true">${this.line()}</p>
      <p class="sr-only" aria-live="polite">${this.spoken}</p>`;
  }
}

if (!customElements.get('ci-char-count')) customElements.define('ci-char-count', CharCount);
