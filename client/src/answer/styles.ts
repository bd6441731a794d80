import { css } from 'lit';

// Phone first: one column, 44 px targets, 16 px text (no zoom on focus in iOS), ≥ 4.5:1 contrast.
export const surveyStyles = css`
  :host {
    display: block;
    font-size: 16px;
    line-height: 1.5;
    color: var(--ink, #1b2430);
  }
  * {
    box-sizing: border-box;
  }
  header {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--card, #fff);
    border-bottom: 1px solid var(--line, #dde3ea);
    padding: 8px 16px;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    justify-content: space-between;
    max-width: 760px;
    margin: 0 auto;
  }
  .brand {
    flex: 1 1 0;
    min-width: 0;
    font-weight: 600;
    font-size: 15px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  @media (max-width: 480px) {
    .brand {
      display: none;
    }
  }
  .langs {
    display: flex;
    gap: 4px;
  }
  main {
    max-width: 760px;
    margin: 0 auto;
    padding: 16px;
  }
  h1 {
    font-size: 22px;
    line-height: 1.3;
    margin: 8px 0 12px;
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 18px;
    margin: 20px 0 8px;
  }
  .sticky-unit {
    position: sticky;
    top: var(--header-h, 96px);
    z-index: 1;
    background: var(--bg, #f6f8fa);
    padding: 6px 0;
    font-weight: 600;
    color: var(--accent, #0b5cab);
  }
  .muted {
    color: var(--muted, #5b6675);
  }
  .card {
    background: var(--card, #fff);
    border: 1px solid var(--line, #dde3ea);
    border-radius: 8px;
    padding: 12px 14px;
    margin: 0 0 12px;
  }
  fieldset.card {
    min-width: 0;
  }
  legend,
  .label {
    font-weight: 600;
    padding: 0;
    display: block;
    margin-bottom: 6px;
  }
  fieldset legend {
    float: left;
    width: 100%;
  }
  fieldset legend + * {
    clear: both;
  }
  .help {
    color: var(--muted, #5b6675);
    font-size: 14px;
    margin: 0 0 8px;
  }
  .options {
    display: grid;
    gap: 6px;
  }
  @media (min-width: 700px) {
    .options.scale {
      grid-template-columns: repeat(auto-fit, minmax(110px, 1fr));
    }
  }
  label.option {
    display: flex;
    align-items: center;
    gap: 10px;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--line, #dde3ea);
    border-radius: 6px;
    cursor: pointer;
    background: #fff;
  }
  label.option:has(input:checked) {
    border-color: var(--accent, #0b5cab);
    background: #eaf2fb;
  }
  label.option[hidden] {
    display: none;
  }
  .label.filter {
    font-weight: 400;
    margin-top: 4px;
  }
  input[type='search'] {
    margin-bottom: 10px;
  }
  label.option.dont-know {
    border-style: dashed;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 22px;
    height: 22px;
    flex: none;
    margin: 0;
    accent-color: var(--accent, #0b5cab);
  }
  input[type='text'],
  input[type='date'],
  input[type='search'],
  textarea {
    font: inherit;
    min-height: 44px;
    width: 100%;
    max-width: 420px;
    padding: 8px 10px;
    border: 1px solid #7b8694;
    border-radius: 6px;
  }
  textarea {
    max-width: none;
    min-height: 110px;
  }
  .code-input {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    letter-spacing: 0.08em;
    text-transform: uppercase;
    font-size: 18px;
  }
  .suffix {
    margin-left: 6px;
  }
  button,
  a.button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 8px 16px;
    border-radius: 6px;
    border: 1px solid var(--accent, #0b5cab);
    background: #fff;
    color: var(--accent, #0b5cab);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  button.primary {
    background: var(--accent, #0b5cab);
    color: #fff;
  }
  button[aria-pressed='true'] {
    background: var(--accent, #0b5cab);
    color: #fff;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #f2b705;
    outline-offset: 2px;
  }
  .nav {
    display: flex;
    justify-content: space-between;
    gap: 12px;
    margin: 20px 0 40px;
  }
  .error {
    color: #b3261e;
    font-weight: 600;
    margin: 6px 0 0;
  }
  .invalid {
    border-color: #b3261e;
    border-width: 2px;
  }
  .ok {
    color: #1a7f37;
    margin: 6px 0 0;
  }
  .summary {
    border: 2px solid #b3261e;
    border-radius: 8px;
    background: #fff;
    padding: 12px 14px;
    margin-bottom: 16px;
  }
  .summary:focus {
    outline: 3px solid #f2b705;
  }
  .summary h2 {
    margin-top: 0;
    color: #b3261e;
  }
  .summary a {
    color: #b3261e;
  }
  .progress {
    flex: 1 1 100%;
    max-width: 760px;
    margin: 6px auto 0;
    font-size: 14px;
  }
  .track {
    height: 8px;
    background: var(--line, #dde3ea);
    border-radius: 4px;
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--accent, #0b5cab);
  }
  .status {
    font-size: 14px;
  }
  .status.offline,
  .status.error {
    color: #8a4b00;
    font-weight: 600;
  }
  .notice {
    border-left: 4px solid var(--accent, #0b5cab);
    background: #fff;
    padding: 10px 14px;
    margin: 12px 0;
  }
  .demo {
    border-left-color: #8a4b00;
  }
  dl.review {
    margin: 0;
  }
  dl.review dt {
    font-weight: 600;
    margin-top: 10px;
  }
  dl.review dd {
    margin: 2px 0 0;
  }
  .row {
    display: flex;
    justify-content: space-between;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  .counter {
    margin: 4px 0 0;
    font-size: 14px;
    color: var(--muted, #5b6675);
  }
  .counter.over {
    color: var(--error, #b3261e);
    font-weight: 600;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  code.demo-code {
    font-size: 16px;
    font-weight: 600;
  }
`;
