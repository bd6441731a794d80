import { css } from 'lit';

/** Forms, tables and notices shared by the workspace pages. */
export const wsStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 1.5rem 0 0.5rem;
  }
  section.card > h2:first-child {
    margin-top: 0;
  }
  section.card {
    background: var(--card, #fff);
    border: 1px solid var(--line, #dde3ea);
    border-radius: 8px;
    padding: 1rem;
    margin-bottom: 1rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: flex-end;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    font-size: 0.9rem;
    color: var(--ink, #1b2430);
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid #8a96a3;
    border-radius: 4px;
    min-width: 0;
    background: #fff;
    color: var(--ink, #1b2430);
  }
  button {
    font: inherit;
    padding: 0.45rem 0.9rem;
    border-radius: 4px;
    border: 1px solid var(--accent, #0b5cab);
    background: var(--accent, #0b5cab);
    color: var(--accent-ink, #fff);
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: var(--accent, #0b5cab);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid #f0b400;
    outline-offset: 2px;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--line, #dde3ea);
    vertical-align: top;
  }
  th {
    background: #eef2f6;
  }
  .error {
    color: #a4161a;
    background: #fdecea;
    border: 1px solid #f5c2c0;
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
  }
  .ok {
    color: #0f5132;
    background: #e6f4ea;
    border: 1px solid #b7dfc3;
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
  }
  .muted {
    color: var(--muted, #5b6675);
    font-size: 0.9rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  code {
    font-size: 0.85em;
    word-break: break-all;
  }
`;
