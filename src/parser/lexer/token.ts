// CPython: Parser/lexer/state.h, struct token — one token as the lexer hands it out.

/** A token. Positions: 1-based lines; 0-based columns whose unit depends on the tokenizer's mode
 *  (UTF-8 bytes for the parser, code points for the tokenize module); -1 where CPython has none. */
export class Token {
  constructor(
    /** Token type, a number from src/parser/token.generated.ts (exact operator types, e.g. LPAR). */
    public type: number,
    /** The token's text as it appears in the source ("" for INDENT/DEDENT/ENDMARKER in parser mode). */
    public string: string,
    public lineno: number,
    public colOffset: number,
    public endLineno: number,
    public endColOffset: number,
    /** Bracket nesting level after this token (CPython: token->level). */
    public level: number,
    /** For the '!', ':' or '}' closing a replacement field with `=`: the expression's source text
     *  (CPython: token->metadata, used for f"{x=}"); else null. */
    public metadata: string | null,
    /** Index of the token's first and past-last character in the tokenizer's decoded text. */
    public start: number,
    public end: number,
  ) {}
}
