import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { checkDefinition } from '#surveys/check.js';
import { ddciDemo2025, shippedDefinitions } from '#surveys/shipped.js';
import { validateResponse } from '#surveys/validate.js';
import { questionSites } from '#surveys/walk.js';

const sites = questionSites(ddciDemo2025);
const asked = sites.filter((s) => s.question.type !== 'unitRatings');

describe('shipped definitions', () => {
  for (const [id, definition] of Object.entries(shippedDefinitions)) {
    it(`checkDefinition(${id}) finds no error`, () => {
      expect(checkDefinition(definition)).to.deep.equal([]);
    });
  }

  it('ddci-demo-2025 asks between 60 and 90 items', () => {
    expect(asked.length).to.be.within(60, 90);
  });

  it('ddci-demo-2025 writes every question in Vietnamese with diacritics and in a distinct English', () => {
    const diacritics = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
    for (const { question } of asked) {
      expect(question.text.vi, question.code).to.match(diacritics);
      expect(question.text.vi, question.code).to.not.equal(question.text.en);
    }
  });

  it('ddci-demo-2025 gives every per-unit item a component', () => {
    const components = new Set(
      sites
        .filter((s) => s.parent)
        .map((s) => ('component' in s.question ? s.question.component : undefined)),
    );
    expect([...components].sort()).to.deep.equal([
      'business_support',
      'digital_transformation',
      'dynamism',
      'fair_competition',
      'head_of_agency',
      'informal_charges',
      'land_access',
      'legal_institutions',
      'time_costs',
      'transparency',
    ]);
  });

  it('ddci-demo-2025 designates all five profile roles', () => {
    const roles = asked
      .map((s) => ('profileRole' in s.question ? s.question.profileRole : undefined))
      .filter(Boolean);
    expect(roles.sort()).to.deep.equal(['location', 'ownership', 'sector', 'size', 'yearFounded']);
  });

  it('surveys/README.md lists every item code of ddci-demo-2025', () => {
    const readme = readFileSync(new URL('../../surveys/README.md', import.meta.url), 'utf8');
    const missing = [...new Set(asked.map((s) => s.question.code))].filter(
      (code) => !readme.includes(`| ${code} |`),
    );
    expect(missing).to.deep.equal([]);
  });

  it('validateResponse(ddci-demo-2025) accepts a realistic response rating one department and one ward', () => {
    const edition = {
      units: { departments: ['SO_TAI_CHINH', 'CUC_THUE'], localities: ['P_HONG_GAI', 'X_QUANG_LA'] },
    };
    const unit = {
      TR1: 4,
      TR2: 2,
      TR3: 3,
      TR4: 1,
      TR5: 3,
      TR6: 5,
      DY1: 3,
      DY2: 9,
      DY3: 4,
      DY4: 3,
      TC1: 3,
      TC2: 4,
      TC3: 3,
      TC4: 2,
      TC5: 4,
      TC6: 2,
      TC7: 2,
      TC8: 1,
      TC9: 2,
      IC1: 2,
      IC2: 1,
      IC4: 9,
      FC1: 2,
      FC2: 2,
      FC3: [5],
      BS1: 2,
      BS3: 3,
      LI1: 3,
      LI2: 3,
      HD1: 4,
      HD2: 3,
      HD3: 3,
    };
    const response = {
      answers: {
        CONSENT: 1,
        BLOCK: 3,
        UNITS_DEPT: ['CUC_THUE'],
        UNITS_LOC: ['P_HONG_GAI'],
        A1: 2,
        A2: 5,
        A3: 2,
        A4: 2012,
        A5: 1,
        A6: 1,
        C1: 'Đề nghị rút ngắn thời gian giải quyết hồ sơ đất đai.',
      },
      units: {
        departments: { CUC_THUE: unit },
        localities: {
          P_HONG_GAI: { ...unit, LI3: 4, LA1: 1, LA2: 2, LA3: 4, LA4: 3, LA5: 2, DT1: 1, DT2: 3, DT3: 1 },
        },
      },
    };
    expect(validateResponse(ddciDemo2025, edition, response).errors).to.deep.equal([]);
  });
});
