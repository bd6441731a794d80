import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  .skip {
    position: absolute;
    left: -999px;
  }
  .skip:focus {
    left: 0.5rem;
    top: 0.5rem;
    background: white;
    padding: 0.4rem;
    z-index: 10;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.6rem clamp(0.75rem, 3vw, 2rem);
    background: var(--accent);
    color: var(--accent-ink);
  }
  .brand {
    display: flex;
    flex-direction: column;
  }
  header a {
    color: inherit;
  }
  .title {
    font-weight: 700;
    font-size: 1.15rem;
    text-decoration: none;
  }
  .subtitle {
    font-size: 0.8rem;
  }
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.92rem;
  }
  nav a {
    text-decoration: none;
    padding: 0.2rem 0;
    border-bottom: 2px solid transparent;
  }
  nav a[aria-current='page'] {
    border-bottom-color: currentColor;
    font-weight: 600;
  }
  header a:focus-visible,
  .lang button:focus-visible {
    outline: 3px solid #ffd33d;
    outline-offset: 2px;
  }
  .lang button {
    font: inherit;
    font-size: 0.85rem;
    padding: 0.3rem 0.7rem;
    border: 1px solid rgba(255, 255, 255, 0.8);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  .lang button:first-child {
    border-radius: 4px 0 0 4px;
  }
  .lang button:last-child {
    border-radius: 0 4px 4px 0;
  }
  .lang button[aria-pressed='true'] {
    background: var(--accent-ink);
    color: var(--accent);
    font-weight: 600;
  }
  main {
    flex: 1;
    padding: clamp(0.75rem, 3vw, 2rem);
    width: 100%;
    max-width: 1400px;
    margin: 0 auto;
    box-sizing: border-box;
    outline: none;
  }
  main.embed {
    padding: 0.5rem;
  }
  footer {
    border-top: 1px solid var(--line);
    padding: 0.75rem clamp(0.75rem, 3vw, 2rem);
    font-size: 0.8rem;
    color: var(--muted);
    background: var(--card);
  }
  footer a {
    color: var(--accent);
  }
  .fp {
    overflow-wrap: anywhere;
  }
  @media print {
    header nav,
    .lang,
    .skip {
      display: none;
    }
    header {
      background: none;
      color: black;
    }
  }
`;
