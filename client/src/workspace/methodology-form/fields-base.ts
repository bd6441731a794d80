import { LitElement, css, unsafeCSS } from 'lit';
import type { FieldError } from '#api/errors.js';
import type { Methodology } from '#scoring/methodology/types.js';
import { wsStyles } from '#client/src/workspace/styles.js';
import { fieldStyles } from './field-errors.js';

/**
 * A part of the methodology form: it shows `methodology`, sends each change up as an `edit` event
 * with the changed copy, and shows the server's problems (`details`) at their fields.
 */
export class MethodologyFields extends LitElement {
  static override styles = [
    wsStyles,
    css`
      ${unsafeCSS(fieldStyles)}
    `,
  ];
  static override properties = { methodology: { attribute: false }, details: { attribute: false } };
  declare methodology: Methodology;
  declare details: FieldError[];

  constructor() {
    super();
    this.details = [];
  }

  protected emit(m: Methodology): void {
    this.dispatchEvent(new CustomEvent('edit', { detail: m, bubbles: true, composed: true }));
  }
}
