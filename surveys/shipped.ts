import demo2023 from './definitions/ddci-demo-2023.json' with { type: 'json' };
import demo2024 from './definitions/ddci-demo-2024.json' with { type: 'json' };
import demo2025 from './definitions/ddci-demo-2025.json' with { type: 'json' };
import visit2026 from './definitions/sipas-visit-2026.json' with { type: 'json' };
import type { SurveyDefinition } from './types.js';

// JSON imports widen string literals, so the casts are needed; test/surveys/shipped.test.ts proves
// each file passes checkDefinition.
export const ddciDemo2023 = demo2023 as unknown as SurveyDefinition;
export const ddciDemo2024 = demo2024 as unknown as SurveyDefinition;
export const ddciDemo2025 = demo2025 as unknown as SurveyDefinition;
/** The one-minute visit survey at service centres (SIPAS factors), answered through a centre token. */
export const sipasVisit2026 = visit2026 as unknown as SurveyDefinition;

/** Shipped definitions by id. */
export const shippedDefinitions: Readonly<Record<string, SurveyDefinition>> = {
  [ddciDemo2023.id]: ddciDemo2023,
  [ddciDemo2024.id]: ddciDemo2024,
  [ddciDemo2025.id]: ddciDemo2025,
  [sipasVisit2026.id]: sipasVisit2026,
};
