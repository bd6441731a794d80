import { css } from 'lit';

/** Styles shared by the public pages (headings, banners, status lines, link rows). */
export const pageStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: clamp(1.2rem, 2.5vw, 1.6rem);
    margin: 0.75rem 0 0.25rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 1.25rem 0 0.4rem;
  }
  a {
    color: var(--accent);
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  .summary {
    font-size: 1rem;
    margin: 0.25rem 0 0.5rem;
    max-width: 75ch;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.9rem;
    margin: 0 0 0.75rem;
  }
  ci-tier-legend,
  ci-strip-chart {
    margin: 0.5rem 0;
  }
  details.whatif {
    margin: 0.75rem 0;
  }
  details.whatif > summary {
    cursor: pointer;
    color: var(--accent);
    font-weight: 600;
    margin-bottom: 0.4rem;
  }
  .unofficial {
    background: #fff1dc;
    border-left: 4px solid #a15c00;
    padding: 0.4rem 0.75rem;
    font-weight: 600;
    margin: 0.5rem 0;
  }
  .meta {
    color: var(--muted);
    font-size: 0.85rem;
    margin: 0.5rem 0;
  }
  .demo {
    background: #fff4d6;
    border: 1px solid #b38600;
    padding: 0.5rem 0.75rem;
    border-radius: 4px;
    font-weight: 600;
  }
  .status.error {
    color: #a40e26;
  }
  button {
    font: inherit;
    font-size: 0.9rem;
    padding: 0.3rem 0.7rem;
    border: 1px solid var(--accent);
    background: white;
    color: var(--accent);
    border-radius: 4px;
    cursor: pointer;
  }
  table.plain {
    border-collapse: collapse;
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
  }
  table.plain th,
  table.plain td {
    border-bottom: 1px solid var(--line);
    padding: 0.3rem 0.5rem;
    text-align: right;
  }
  table.plain th:first-child,
  table.plain td:first-child {
    text-align: left;
  }
  .scroll {
    overflow-x: auto;
  }
  .toggles {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .tabs {
    display: inline-flex;
    margin: 0.25rem 0;
  }
  .tabs button {
    border-radius: 0;
  }
  .tabs button:first-child {
    border-radius: 4px 0 0 4px;
  }
  .tabs button:last-child {
    border-radius: 0 4px 4px 0;
    border-left: 0;
  }
  .tabs button[aria-pressed='true'] {
    background: var(--accent);
    color: white;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
