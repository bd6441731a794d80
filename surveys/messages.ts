import { fillText, type Localized } from '#api/text.js';

// Bilingual messages for every error code the package reports. Placeholders in braces are filled
// from params; ajv-i18n has no Vietnamese, so these are our own.
const MESSAGES: Record<string, Localized> = {
  // hostile input
  forbidden_key: { vi: 'Khóa "{key}" không được phép.', en: 'Key "{key}" is not allowed.' },
  too_deep: {
    vi: 'Dữ liệu lồng nhau quá sâu (tối đa {limit} cấp).',
    en: 'Data is nested too deeply (at most {limit} levels).',
  },
  too_large: { vi: 'Dữ liệu quá lớn (giới hạn {limit}).', en: 'Data is too large (limit {limit}).' },
  not_an_object: { vi: 'Dữ liệu phải là một đối tượng JSON.', en: 'Data must be a JSON object.' },
  // structure (definition schema)
  unknown_property: {
    vi: 'Thuộc tính "{name}" không được hỗ trợ.',
    en: 'Property "{name}" is not supported.',
  },
  missing_property: {
    vi: 'Thiếu thuộc tính bắt buộc "{name}".',
    en: 'Required property "{name}" is missing.',
  },
  unknown_question_type: {
    vi: 'Loại câu hỏi "{value}" không tồn tại.',
    en: 'Question type "{value}" does not exist.',
  },
  invalid_value: { vi: 'Giá trị không hợp lệ: {detail}.', en: 'Invalid value: {detail}.' },
  // semantics (definition)
  duplicate_section_id: { vi: 'Mã phần "{id}" bị trùng.', en: 'Section id "{id}" is used more than once.' },
  duplicate_block_key: {
    vi: 'Khối "{key}" bị khai báo trùng.',
    en: 'Block "{key}" is declared more than once.',
  },
  duplicate_item_code: {
    vi: 'Mã câu hỏi "{code}" bị trùng.',
    en: 'Item code "{code}" is used more than once.',
  },
  duplicate_option_code: {
    vi: 'Mã phương án "{code}" bị trùng trong câu hỏi {item}.',
    en: 'Option code "{code}" is used more than once in {item}.',
  },
  duplicate_profile_role: {
    vi: 'Vai trò hồ sơ "{role}" đã được gán cho câu hỏi {other}.',
    en: 'Profile role "{role}" is already given to {other}.',
  },
  duplicate_unit_selector: {
    vi: 'Khối "{block}" đã có câu hỏi chọn đơn vị {other}.',
    en: 'Block "{block}" already has the unit selector {other}.',
  },
  unknown_block: {
    vi: 'Khối "{block}" chưa được khai báo trong blocks.',
    en: 'Block "{block}" is not declared in blocks.',
  },
  unknown_selector: {
    vi: '"{code}" không phải là câu hỏi chọn đơn vị (units).',
    en: '"{code}" is not a unit selector (units question).',
  },
  unknown_scale: {
    vi: 'Thang đo "{scale}" chưa được khai báo trong scales.',
    en: 'Scale "{scale}" is not declared in scales.',
  },
  missing_translation: { vi: 'Thiếu nội dung tiếng {language}.', en: 'The {languageEn} text is missing.' },
  placeholder_mismatch: {
    vi: 'Bản tiếng Việt và tiếng Anh phải dùng cùng các chỗ thay thế {placeholders}.',
    en: 'Vietnamese and English text must use the same placeholders {placeholders}.',
  },
  misplaced_placeholder: {
    vi: 'Chỗ thay thế {unit} chỉ dùng được trong khối đánh giá theo đơn vị.',
    en: 'The {unit} placeholder is only allowed inside a per-unit rating block.',
  },
  scale_labels_mismatch: {
    vi: 'Thang đo có {points} mức nhưng {labels} nhãn.',
    en: 'The scale has {points} points but {labels} labels.',
  },
  dont_know_in_scale: {
    vi: 'Mã "Không biết" {code} nằm trong thang đo 1–{points}.',
    en: "The don't-know code {code} lies inside the scale 1–{points}.",
  },
  invalid_bounds: {
    vi: 'Giá trị tối thiểu {minimum} lớn hơn giá trị tối đa {maximum}.',
    en: 'The minimum {minimum} is greater than the maximum {maximum}.',
  },
  invalid_selection_bounds: {
    vi: 'Số lựa chọn không hợp lệ: {detail}.',
    en: 'Invalid selection counts: {detail}.',
  },
  invalid_date: {
    vi: '"{value}" không phải là ngày hợp lệ (YYYY-MM-DD).',
    en: '"{value}" is not a valid date (YYYY-MM-DD).',
  },
  misplaced_exclusive: {
    vi: 'Phương án loại trừ chỉ dùng cho câu hỏi nhiều lựa chọn.',
    en: 'Exclusive options are only allowed in multiple-choice questions.',
  },
  misplaced_profile_role: {
    vi: 'Vai trò hồ sơ không dùng được trong khối đánh giá theo đơn vị.',
    en: 'Profile roles are not allowed inside a per-unit rating block.',
  },
  condition_syntax: {
    vi: 'Lỗi cú pháp điều kiện tại vị trí {position}: {detail}.',
    en: 'Condition syntax error at position {position}: {detail}.',
  },
  unknown_reference: {
    vi: 'Điều kiện tham chiếu "{code}" không có trong phạm vi này.',
    en: 'The condition refers to "{code}", which is not an item in scope.',
  },
  unknown_option_in_condition: {
    vi: 'Câu hỏi {code} không có mã trả lời {value}.',
    en: 'Item {code} has no answer code {value}.',
  },
  invalid_count_target: {
    vi: 'count() chỉ dùng cho câu hỏi nhiều lựa chọn hoặc chọn đơn vị; {code} là "{type}".',
    en: 'count() needs a multiple-choice or units item; {code} is "{type}".',
  },
  condition_cycle: {
    vi: 'Điều kiện hiển thị tạo thành vòng lặp: {cycle}.',
    en: 'Display conditions form a cycle: {cycle}.',
  },
  // responses
  unknown_key: {
    vi: '"{key}" không phải là câu hỏi của khảo sát này.',
    en: '"{key}" is not an item of this survey.',
  },
  unknown_unit: {
    vi: 'Đơn vị "{value}" không thuộc danh sách đơn vị của kỳ khảo sát.',
    en: 'Unit "{value}" is not in this edition\'s list of units.',
  },
  invalid_type: { vi: 'Câu trả lời phải là {expected}.', en: 'The answer must be {expectedEn}.' },
  invalid_option: { vi: 'Phương án trả lời không hợp lệ.', en: 'This answer is not one of the options.' },
  not_in_scale: { vi: 'Câu trả lời nằm ngoài thang đo.', en: 'The answer is outside the scale.' },
  not_integer: { vi: 'Câu trả lời phải là số nguyên.', en: 'The answer must be a whole number.' },
  below_minimum: { vi: 'Câu trả lời phải từ {limit} trở lên.', en: 'The answer must be at least {limit}.' },
  above_maximum: {
    vi: 'Câu trả lời không được vượt quá {limit}.',
    en: 'The answer must be at most {limit}.',
  },
  too_long: { vi: 'Câu trả lời dài quá {limit} ký tự.', en: 'The answer is longer than {limit} characters.' },
  too_few_selections: { vi: 'Cần chọn ít nhất {limit} phương án.', en: 'Choose at least {limit}.' },
  too_many_selections: { vi: 'Chỉ được chọn tối đa {limit} phương án.', en: 'Choose at most {limit}.' },
  duplicate_selection: {
    vi: 'Một phương án được chọn nhiều lần.',
    en: 'An option is selected more than once.',
  },
  exclusive_option: {
    vi: 'Phương án "{value}" không thể chọn cùng các phương án khác.',
    en: 'Option "{value}" cannot be combined with other options.',
  },
  required: { vi: 'Vui lòng trả lời câu hỏi này.', en: 'Please answer this question.' },
  hidden_not_empty: {
    vi: 'Câu hỏi này bị ẩn theo các câu trả lời trước nên phải để trống.',
    en: 'This question is hidden by earlier answers, so it must be empty.',
  },
  unit_not_selected: {
    vi: 'Đơn vị "{unit}" không được chọn nên không thể có đánh giá.',
    en: 'Unit "{unit}" was not selected, so it cannot be rated.',
  },
};

/** The bilingual message for an error code, with `{name}` placeholders filled from params. */
export function message(code: string, params: Record<string, string | number> = {}): Localized {
  const template = MESSAGES[code];
  if (!template) throw new RangeError(`no message for ${code}`);
  return fillText(template, params);
}

/** Codes with a message; tests use it to prove every reported code is documented. */
export const messageCodes: readonly string[] = Object.keys(MESSAGES);
