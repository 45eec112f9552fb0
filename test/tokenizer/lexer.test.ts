// Unit tests of the tokenizer's API in the parser's mode: types, byte columns, levels, metadata,
// input forms. Expected values are CPython 3.14's (its AST columns are UTF-8 byte offsets).
import "../../src/objects/init.js"; // the object layer first (as the entry points do)
import assert from "node:assert/strict";
import { test } from "node:test";
import { Tokenizer, type Token } from "../../src/parser/tokenizer/index.js";
import { E_EOFS, E_ERROR } from "../../src/parser/lexer/state.js";
import * as T from "../../src/parser/token.generated.js";
import { parserModeResult } from "./support.js";

function tokens(src: string | Uint8Array, extra = false): Token[] {
  const tok = new Tokenizer(src, "<test>", extra);
  const out: Token[] = [];
  for (;;) {
    const t = tok.next();
    out.push(t);
    if (t.type === T.ENDMARKER) return out;
  }
}

function brief(ts: Token[]): string[] {
  return ts.map((t) => `${T.tokName[t.type]} ${JSON.stringify(t.string)} ${t.lineno},${t.colOffset}-${t.endLineno},${t.endColOffset}`);
}

// As in CPython's C tokenizer, a NEWLINE after a comment spans the comment (the parser ignores it).
test("simple statement, exact operator types, no NL/COMMENT in parser mode", () => {
  assert.deepEqual(brief(tokens("x = (1, 2)  # c\n\ny += 3\n")), [
    'NAME "x" 1,0-1,1', 'EQUAL "=" 1,2-1,3', 'LPAR "(" 1,4-1,5', 'NUMBER "1" 1,5-1,6', 'COMMA "," 1,6-1,7',
    'NUMBER "2" 1,8-1,9', 'RPAR ")" 1,9-1,10', 'NEWLINE "# c" 1,12-1,15', 'NAME "y" 3,0-3,1', 'PLUSEQUAL "+=" 3,2-3,4',
    'NUMBER "3" 3,5-3,6', 'NEWLINE "" 3,6-3,6', 'ENDMARKER "" 3,-1-3,-1',
  ]);
});

test("indentation tokens have no text and no columns", () => {
  const ts = tokens("if x:\n    y\n");
  assert.deepEqual(ts.map((t) => T.tokName[t.type]), ["NAME", "NAME", "COLON", "NEWLINE", "INDENT", "NAME", "NEWLINE", "DEDENT", "ENDMARKER"]);
  assert.equal(ts[4]!.colOffset, -1);
});

test("columns are UTF-8 byte offsets in parser mode, code points in tokenize mode", () => {
  const src = "s = '\u00e9\u{1F600}' + caf\u00e9\n";
  const p = tokens(src);
  assert.deepEqual([p[2]!.colOffset, p[2]!.endColOffset, p[4]!.colOffset, p[4]!.endColOffset], [4, 12, 15, 20]);
  const m = tokens(src, true);
  assert.deepEqual([m[2]!.colOffset, m[2]!.endColOffset, m[4]!.colOffset, m[4]!.endColOffset], [4, 8, 11, 15]);
});

test("bytes input: BOM and coding cookie; str input ignores cookies", () => {
  const latin1 = new Uint8Array([...Buffer.from("# coding: latin-1\nx = '"), 0xe9, ...Buffer.from("'\n")]);
  assert.equal(tokens(latin1)[2]!.string, "'\u00e9'");
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("x\n")]);
  assert.deepEqual(brief(tokens(bom)).slice(0, 1), ['NAME "x" 1,0-1,1']);
  assert.equal(tokens("# coding: latin-1\nx = '\u00e9'\n")[2]!.string, "'\u00e9'");
});

test("CRLF and CR are newlines for the parser", () => {
  assert.deepEqual(tokens("a\r\nb\rc").map((t) => T.tokName[t.type]),
    ["NAME", "NEWLINE", "NAME", "NEWLINE", "NAME", "NEWLINE", "ENDMARKER"]);
});

test("f-string tokens and the `=` expression text", () => {
  const ts = tokens('f"a{x + 1=!r:>{w}}b"\n');
  assert.deepEqual(ts.map((t) => T.tokName[t.type]), [
    "FSTRING_START", "FSTRING_MIDDLE", "LBRACE", "NAME", "PLUS", "NUMBER", "EQUAL", "EXCLAMATION", "NAME", "COLON",
    "FSTRING_MIDDLE", "LBRACE", "NAME", "RBRACE", "FSTRING_MIDDLE", "RBRACE", "FSTRING_MIDDLE", "FSTRING_END", "NEWLINE",
    "ENDMARKER",
  ]);
  assert.equal(ts[7]!.metadata, "x + 1=");
  assert.equal(ts[3]!.metadata, null);
  const t = tokens('t"{y}"\n');
  assert.deepEqual(t.slice(0, 4).map((k) => T.tokName[k.type]), ["TSTRING_START", "LBRACE", "NAME", "RBRACE"]);
});

test("bracket level and open brackets", () => {
  const tok = new Tokenizer("x = [1,\n  (2", "<test>");
  const levels: number[] = [];
  for (let i = 0; i < 6; i++) levels.push(tok.next().level);
  assert.deepEqual(levels, [0, 0, 1, 1, 1, 2]);
  assert.equal(tok.level, 2);
  assert.deepEqual(tok.openBracket(0), { char: "[", lineno: 1, colOffset: 4 });
  assert.deepEqual(tok.openBracket(1), { char: "(", lineno: 2, colOffset: 2 });
  assert.equal(tok.lineText(2), "  (2");
});

test("keywords come as NAME; '<>' as NOTEQUAL", () => {
  assert.deepEqual(tokens("if not x <> y: pass").map((t) => T.tokName[t.type]).slice(0, 6),
    ["NAME", "NAME", "NAME", "NOTEQUAL", "NAME", "COLON"]);
});

test("errors as compile() raises them", () => {
  assert.equal(parserModeResult("x = (1,\n", "<test>"), "SyntaxError: '(' was never closed (1, 5, 1, 0)");
  assert.equal(parserModeResult("x = 'abc\n", "<test>"), "SyntaxError: unterminated string literal (detected at line 1) (1, 5, 1, 5)");
  assert.equal(parserModeResult("if x:\n    a\n  b\n", "<test>"),
    "SyntaxError: unindent does not match any outer indentation level (3, 4, 3, -1)");
  assert.equal(parserModeResult("x = 1\0", "<test>"), "SyntaxError: source code string cannot contain null bytes (None, None, None, None)");
  assert.equal(parserModeResult("", "<test>"), "OK");
});

test("ENDMARKER repeats at the end", () => {
  const tok = new Tokenizer("x", "<test>");
  while (tok.next().type !== T.ENDMARKER);
  assert.equal(tok.next().type, T.ENDMARKER);
});

test("SyntaxWarnings reach the handler and can become errors", () => {
  const seen: string[] = [];
  const run = (src: string, asError: boolean): string => {
    const tok = new Tokenizer(src, "w.py");
    tok.warn = (cat, msg, file, line) => {
      seen.push(`${cat} ${file}:${line} ${msg}`);
      return asError;
    };
    try {
      while (tok.next().type !== T.ENDMARKER);
      return "OK";
    } catch (e) {
      return `${(e as { msg: string }).msg} ${(e as { offset: number }).offset}`;
    }
  };
  assert.equal(run("x = 1if y else 2", false), "OK");
  assert.equal(run("x = [0x1for x in y]", true), "invalid hexadecimal literal 9");
  assert.equal(run('x = 1\ny = f"a\\{b}"', true),
    '"\\{" is an invalid escape sequence. Did you mean "\\\\{"? A raw string is also an option. 9');
  assert.deepEqual(seen, [
    "SyntaxWarning w.py:1 invalid decimal literal",
    "SyntaxWarning w.py:1 invalid hexadecimal literal",
    'SyntaxWarning w.py:2 "\\{" is an invalid escape sequence. Such sequences will not work in the future. ' +
      'Did you mean "\\\\{"? A raw string is also an option.',
  ]);
});

test("type comments on request", () => {
  const typed = (src: string): string[] => {
    const tok = new Tokenizer(src, "<test>");
    tok.typeComments = true;
    const out: string[] = [];
    for (let t = tok.next(); t.type !== T.ENDMARKER; t = tok.next()) {
      if (t.type === T.TYPE_COMMENT || t.type === T.TYPE_IGNORE) out.push(`${T.tokName[t.type]} ${JSON.stringify(t.string)} ${t.lineno},${t.colOffset}`);
    }
    return out;
  };
  assert.deepEqual(typed("x = 1  # type: int\n"), ['TYPE_COMMENT "int" 1,15']);
  assert.deepEqual(typed("import x  #type:\tignore[attr]\n"), ['TYPE_IGNORE "[attr]" 1,23']);
  assert.deepEqual(typed("# type: ignore\nx = 1\n# type: ignored\n"), ['TYPE_IGNORE "" 1,14', 'TYPE_COMMENT "ignored" 3,8']);
  assert.deepEqual(typed("x = 1  # types: int\n"), []);
  assert.deepEqual(tokens("x = 1  # type: int\n").map((t) => T.tokName[t.type]), ["NAME", "EQUAL", "NUMBER", "NEWLINE", "ENDMARKER"]);
});

// A single-quoted string always ends at a line end: a newline is added to the input when missing.
test("an input ending inside a triple-quoted string leaves E_EOFS (incomplete input)", () => {
  const doneAfter = (src: string): number => {
    const tok = new Tokenizer(src, "<test>");
    assert.throws(() => {
      while (tok.next().type !== T.ENDMARKER);
    });
    return tok.lexer.done;
  };
  assert.equal(doneAfter('x = """abc\n'), E_EOFS);
  assert.equal(doneAfter("x = 'abc"), E_ERROR);
  assert.equal(doneAfter("x = 'abc\ny\n"), E_ERROR);
});

test("tokenize mode: each token's line attribute", () => {
  const tok = new Tokenizer(new Uint8Array(Buffer.from('x = """a\nb""" + 1\nif x:\n  y')), "<test>", true);
  const lines: string[] = [];
  for (;;) {
    const t = tok.next();
    lines.push(tok.lastTokenLine());
    if (t.type === T.ENDMARKER) break;
  }
  assert.deepEqual(lines, [
    "", "x = \"\"\"a\n", "x = \"\"\"a\n", "x = \"\"\"a\nb\"\"\" + 1\n", "b\"\"\" + 1\n", "b\"\"\" + 1\n", "b\"\"\" + 1\n",
    "if x:\n", "if x:\n", "if x:\n", "if x:\n", "  y", "  y", "  y", "", "",
  ]);
});

// CPython takes a parser token's end column from tok->col_offset, which is past the second brace.
test("FSTRING_MIDDLE ending at a doubled brace ends after both braces in parser mode", () => {
  const middles = (src: string): string[] => brief(tokens(src)).filter((s) => s.startsWith("FSTRING_MIDDLE"));
  assert.deepEqual(middles('f"{f.name}={{"\n'), ['FSTRING_MIDDLE "={" 1,10-1,13']);
  assert.deepEqual(middles('f"{{{uri}}}"\n'), ['FSTRING_MIDDLE "{" 1,2-1,4', 'FSTRING_MIDDLE "}" 1,9-1,11']);
});

test("every t-string replacement field carries its source; f-strings only with '='", () => {
  const meta = (src: string): (string | null)[] =>
    tokens(src).filter((t) => t.type === T.RBRACE || t.type === T.EXCLAMATION || t.type === T.COLON).map((t) => t.metadata);
  // The token ending the expression is the one the parser reads Interpolation.str from.
  assert.deepEqual(meta('t"{0}"\n'), ["0"]);
  assert.equal(meta('t"{x!r}"\n')[0], "x");
  assert.equal(meta('t"{y:>3}"\n')[0], "y");
  assert.deepEqual(meta('f"{0} {x=}"\n'), [null, "x="]);
});

test("without execInput (eval mode) no final newline is implied", () => {
  const run = (src: string): string[] | string => {
    const tok = new Tokenizer(src, "<s>", false, false);
    const out: string[] = [];
    try {
      for (;;) {
        const t = tok.next();
        out.push(T.tokName[t.type]!);
        if (t.type === T.ENDMARKER) return out;
      }
    } catch (e) {
      return `${(e as { msg: string }).msg} ${(e as { offset: number }).offset}`;
    }
  };
  assert.deepEqual(run("1 +"), ["NUMBER", "PLUS", "ENDMARKER"]);
  assert.deepEqual(run("1 +\n"), ["NUMBER", "PLUS", "NEWLINE", "ENDMARKER"]);
  assert.equal(run("1 \\"), "unexpected character after line continuation character 3");
});
