import type { SurveyDefinition } from '#surveys/types.js';

const t = (vi: string, en: string): { vi: string; en: string } => ({ vi, en });

/**
 * A small valid definition exercising every question type; each call returns a fresh copy that
 * tests may break in one place.
 */
export function minimalDefinition(): SurveyDefinition {
  return {
    schemaVersion: 1,
    id: 'mini-2025',
    edition: 2025,
    title: t('Khảo sát thử', 'Test survey'),
    intro: t('Giới thiệu', 'Introduction'),
    blocks: [{ key: 'departments', label: t('Sở, ban, ngành', 'Departments') }],
    scales: {
      AGREE4: {
        points: 4,
        labels: [
          t('Hoàn toàn không đồng ý', 'Strongly disagree'),
          t('Không đồng ý', 'Disagree'),
          t('Đồng ý', 'Agree'),
          t('Hoàn toàn đồng ý', 'Strongly agree'),
        ],
        dontKnow: { code: 9, label: t('Không biết', "Don't know") },
      },
    },
    sections: [
      {
        id: 'MAIN',
        title: t('Phần chính', 'Main part'),
        questions: [
          {
            type: 'single',
            code: 'Q1',
            text: t('Câu một', 'Question one'),
            required: true,
            options: [
              { code: 1, label: t('Có', 'Yes') },
              { code: 2, label: t('Không', 'No') },
            ],
          },
          {
            type: 'multiple',
            code: 'Q2',
            text: t('Câu hai', 'Question two'),
            showIf: 'Q1 = 1',
            minSelections: 1,
            maxSelections: 2,
            options: [
              { code: 1, label: t('Một', 'One') },
              { code: 2, label: t('Hai', 'Two') },
              { code: 3, label: t('Ba', 'Three') },
              { code: 4, label: t('Không có', 'None'), exclusive: true },
            ],
          },
          { type: 'rating', code: 'Q3', text: t('Câu ba', 'Question three'), scale: 'AGREE4' },
          {
            type: 'numeric',
            code: 'Q4',
            text: t('Câu bốn', 'Question four'),
            requiredIf: 'Q3 >= 3',
            unit: 'days',
            minimum: 0,
            maximum: 30,
            integer: true,
          },
          { type: 'text', code: 'Q5', text: t('Câu năm', 'Question five'), maxLength: 10 },
          {
            type: 'date',
            code: 'Q6',
            text: t('Câu sáu', 'Question six'),
            minimum: '2020-01-01',
            maximum: '2025-12-31',
          },
        ],
      },
      {
        id: 'UNITS',
        title: t('Đơn vị', 'Units'),
        showIf: 'Q1 = 1',
        questions: [
          {
            type: 'units',
            code: 'U',
            text: t('Đơn vị đã làm việc', 'Units dealt with'),
            block: 'departments',
            required: true,
            minSelections: 1,
            maxSelections: 2,
          },
          {
            type: 'unitRatings',
            code: 'R',
            text: t('Đánh giá {unit}', 'Rating {unit}'),
            selector: 'U',
            showIf: 'count(U) >= 1',
            items: [
              {
                type: 'rating',
                code: 'R1',
                text: t('{unit} hiệu quả', '{unit} is efficient'),
                scale: 'AGREE4',
                required: true,
              },
              {
                type: 'single',
                code: 'R2',
                text: t('Nộp trực tuyến?', 'Filed online?'),
                options: [
                  { code: 1, label: t('Có', 'Yes') },
                  { code: 2, label: t('Không', 'No') },
                ],
              },
              {
                type: 'numeric',
                code: 'R3',
                text: t('Số ngày', 'Days'),
                showIf: 'R2 = 1',
                unit: 'days',
                minimum: 0,
                maximum: 365,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** The edition context used with minimalDefinition. */
export const miniEdition = { units: { departments: ['SO_TC', 'SO_XD', 'CUC_THUE'] } };
