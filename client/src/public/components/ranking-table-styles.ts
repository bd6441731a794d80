import { css } from 'lit';

/**
 * Desktop: every column fits (headers wrap, numbers do not). Phone: the table scrolls inside its
 * box with rank and unit sticky on the left, a shadow on the sticky edge and a written cue.
 */
export const tableStyles = css`
  :host {
    display: block;
  }
  .cue {
    display: none;
    font-size: 0.8rem;
    color: var(--muted);
    margin: 0 0 0.25rem;
  }
  .scroll {
    /* Contains the visually hidden labels (position: absolute), which would otherwise widen the page. */
    position: relative;
    overflow-x: auto;
    background: var(--card);
    border: 1px solid var(--line);
    border-radius: 6px;
  }
  .scroll:focus-visible {
    outline: 3px solid var(--accent);
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
    font-size: 0.84rem;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.35rem 0.25rem;
    border-bottom: 1px solid var(--line);
    white-space: nowrap;
    vertical-align: top;
  }
  thead th {
    background: #eef2f6;
    vertical-align: bottom;
    font-weight: 600;
    font-size: 0.74rem;
    white-space: normal;
    line-height: 1.2;
  }
  /* As narrow as the header's longest word (width 1px asks for the minimum; spare width is shared out). */
  thead th.sub {
    width: 1px;
    min-width: 3.9rem;
  }
  /* Headers wrap between words only (hyphenated where the browser has the page language's
     dictionary): a column grows to its longest word rather than printing "Transparen cy". */
  thead button {
    all: unset;
    cursor: pointer;
    display: inline;
    overflow-wrap: normal;
    word-break: normal;
    hyphens: auto;
  }
  thead button:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 1px;
  }
  .arrow {
    font-size: 0.7rem;
    color: var(--accent);
    margin-left: 0.1rem;
  }
  .num {
    text-align: right;
  }
  .rank {
    text-align: right;
    width: 2.2rem;
    font-weight: 600;
  }
  th.unit {
    text-align: left;
    font-weight: 500;
    white-space: normal;
    min-width: 7rem;
  }
  th.unit a {
    color: var(--accent);
    text-decoration: none;
  }
  th.unit a:hover,
  th.unit a:focus-visible {
    text-decoration: underline;
  }
  th.unit a:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 1px;
  }
  tbody tr {
    background: var(--card);
  }
  tbody tr:hover,
  tbody tr.active {
    background: #e6f0fa;
  }
  tbody tr.active th.unit,
  tbody tr.active td.rank {
    box-shadow: inset 3px 0 0 var(--accent);
  }
  .composite .value {
    font-weight: 700;
    display: block;
  }
  .interval {
    display: block;
    font-size: 0.72rem;
    color: var(--muted);
  }
  .reason {
    display: block;
    white-space: normal;
    max-width: 9rem;
    text-align: left;
    font-size: 0.76rem;
    color: var(--muted);
  }
  .muted {
    color: var(--muted);
  }
  .change.up {
    color: #1d6b2f;
  }
  .change.down {
    color: #a1291c;
  }
  .change.same {
    color: var(--muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  td.tier {
    white-space: normal;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.05rem 0.4rem 0.05rem 0.25rem;
    border-radius: 999px;
    font-size: 0.74rem;
    color: var(--ink);
    background: color-mix(in srgb, var(--c) 14%, white);
    border: 1px solid var(--c);
    line-height: 1.3;
  }
  .badge svg {
    width: 0.7rem;
    height: 0.7rem;
    flex: none;
  }
  .badge path {
    stroke: #1b2430;
    stroke-width: 0.6;
  }
  @media (max-width: 720px) {
    .cue {
      display: block;
    }
    td.rank,
    thead th.rank {
      position: sticky;
      left: 0;
      z-index: 1;
      background: inherit;
      min-width: 1.8rem;
    }
    thead th.rank,
    thead th.unit {
      background: #eef2f6;
      z-index: 2;
    }
    th.unit {
      position: sticky;
      left: 2.4rem;
      z-index: 1;
      background: inherit;
      min-width: 6.5rem;
      max-width: 7.5rem;
      box-shadow: 6px 0 6px -4px rgba(27, 36, 48, 0.35);
    }
  }
  @media print {
    .cue {
      display: none;
    }
    .scroll {
      overflow: visible;
      border: 0;
    }
  }
`;
