export type ConditionErrorCode =
  | 'empty'
  | 'too_long'
  | 'too_deep'
  | 'unexpected_character'
  | 'unterminated_string'
  | 'unexpected_token'
  | 'unknown_function'
  | 'expected_comparison'
  | 'expected_value'
  | 'expected_literal'
  | 'expected_item_code';

/** A syntax error in condition text; `position` is the 0-based offset of the offending character. */
export class ConditionSyntaxError extends SyntaxError {
  readonly reason: ConditionErrorCode;
  readonly position: number;
  /** The offending text (token, character or function name), for messages. */
  readonly near: string;

  constructor(reason: ConditionErrorCode, position: number, near: string) {
    super(`${reason.replace(/_/g, ' ')}${near ? ` '${near}'` : ''} at ${position}`);
    this.name = 'ConditionSyntaxError';
    this.reason = reason;
    this.position = position;
    this.near = near;
  }
}
