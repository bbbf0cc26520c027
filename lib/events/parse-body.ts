import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type BodyParse =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: string;
      line: number | null;
      column: number | null;
      hint: string | null;
    };

const REASONS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  PropertyNameExpected: "a property name in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: "a colon was expected",
  CommaExpected: "a comma was expected",
  CloseBraceExpected: "a closing } was expected",
  CloseBracketExpected: "a closing ] was expected",
  EndOfFileExpected: "unexpected content after the end",
  UnexpectedEndOfString: "a string is not closed",
  InvalidCommentToken: "comments are not allowed in JSON",
};

const TYPOGRAPHIC_QUOTES = /[\u2018\u2019\u201c\u201d]/;

/**
 * Strict JSON: `JSON.parse` decides, jsonc-parser (comments and trailing
 * commas disallowed) says where the first error is. Nothing is repaired:
 * a payload with typographic quotes is refused, with a hint.
 */
export function parseJsonBody(text: string): BodyParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Located below.
  }

  const errors: ParseError[] = [];
  parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const hint = TYPOGRAPHIC_QUOTES.test(text)
    ? "The payload contains typographic quotes (“ ” ‘ ’); JSON needs " +
      'plain double quotes (").'
    : null;
  const first = errors[0];
  if (!first) {
    return { ok: false, error: "Invalid JSON.", line: null, column: null, hint };
  }

  const { line, column } = lineAndColumn(text, first.offset);
  const code = printParseErrorCode(first.error);
  const found = text.slice(first.offset, first.offset + first.length);
  const near = found.trim() ? ` near ${JSON.stringify(found.slice(0, 24))}` : "";

  return {
    ok: false,
    error:
      `Invalid JSON at line ${line}, column ${column}: ` +
      `${REASONS[code] ?? code}${near}.`,
    line,
    column,
    hint,
  };
}

/** 1-based line and column (in UTF-16 units) of a character offset. */
export function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);

  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
