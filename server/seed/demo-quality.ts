import { randomSource } from '#scoring/random.js';

// How good each demo unit is, on the latent scale the synthetic answers are drawn from. Tuned with
// the demo methodology's fixed goalposts (scoring/methodologies/ddci-demo.json) so that every edition
// and block runs about 45–85 of 100, as published DDCIs do: with the 5,000 firms of a first start,
// 2023–2025 measured 46.1–86.6 (departments 46.1–83.1, localities 46.5–86.6, sd 7–10 a block).

const LEVEL_SD = 0.25;
const ASPECT_SD = 0.28;
const ITEM_SD = 0.4;
const LAG_WEIGHT = 1.0;
const LAG_FROM = 1;
const OFFSET = 0.5;

/**
 * Latent quality of a unit on an item: a stable level per unit, an own strength or weakness per
 * aspect (the item's letter prefix, e.g. TR = transparency) with now and then a marked weakness, a
 * little per item, and a small change per year. Aspects that vary on their own keep composites
 * within about 45–85 of 100, as published DDCIs are: a unit is rarely best or worst at everything.
 */
export function qualityModel(
  seed: string,
  year: number,
): (block: string, unit: string, item: string) => number {
  const cache = new Map<string, number>();
  const draw = (key: string, sd: number) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = randomSource(key).normal(0, sd)));
    return v;
  };
  return (block, unit, item) => {
    const key = `${block}/${unit}`;
    const aspect = item.replace(/\d+$/, '');
    const weakness = LAG_WEIGHT * Math.max(0, draw(`${seed}/lag/${aspect}/${key}`, 1) - LAG_FROM);
    return (
      OFFSET +
      draw(`${seed}/level/${key}`, LEVEL_SD) +
      draw(`${seed}/aspect/${aspect}/${key}`, ASPECT_SD) -
      weakness +
      draw(`${seed}/item/${item}/${key}`, ITEM_SD) +
      draw(`${seed}/${year}/${key}`, 0.15)
    );
  };
}
