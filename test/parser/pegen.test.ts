// Unit tests of the parser generator (tools/pegen): a small grammar is generated, transpiled and
// run over a toy token stream: left recursion (direct and indirect), lookaheads, cut, gathers,
// loops, optional items, keywords and soft keywords, references to undefined invalid_ rules.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { generateParser } from "../../tools/pegen/index.js";
import { readTokens } from "../../tools/pegen/ts_generator.js";
import { parseGrammar } from "../../tools/pegen/grammar.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");
const tokensText = fs.readFileSync(path.join(root, "Grammar", "Tokens"), "utf8");
const pegenUrl = pathToFileURL(path.resolve(here, "..", "..", "src", "parser", "pegen.js")).href;

const GRAMMAR = `
@header '''
import { MAXSTACK, Parser, type Token } from "${pegenUrl}";
type Num = { value: unknown };
'''
start[string]: e=expr ENDMARKER { e }
expr[string]:
    | a=expr '+' b=term { \`(\${a}+\${b})\` }
    | a=expr '-' b=term { \`(\${a}-\${b})\` }
    | term
term[string]: a=term '*' b=atom { \`(\${a}*\${b})\` } | atom
atom[string]:
    | n=NAME { n.id }
    | n=NUMBER { String((n as unknown as Num).value) }
    | '(' e=expr ')' { e }
names[string[]]: a=','.NAME+ [','] ENDMARKER { a.map((n) => n.id) }
look[string]:
    | &'(' a=atom { "paren " + a }
    | !NUMBER a=atom { "notnum " + a }
    | a=atom { "num " + a }
cut[string]:
    | '[' a=NAME ~ ']' { "cut " + a.id }
    | '[' NUMBER { "nocut" }
    | '[' NAME NAME { "after cut" }
kw[string]:
    | 'if' a=NAME { "if " + a.id }
    | "soft" a=NAME { "soft " + a.id }
    | invalid_not_defined
    | a=NAME { "name " + a.id }
rep[number]: a=NAME* b=NUMBER+ c=['!' { 1 }] { a.length * 100 + b.length * 10 + (c ?? 0) }
attr[string]: a=name_or_attr '.' b=NAME { a + "." + b.id }
name_or_attr[string]: attr | n=NAME { n.id }
forced[string]: '(' &&')' { "ok" }
`;

interface ToyToken {
  type: number;
  string: string;
  lineno: number;
  colOffset: number;
  endLineno: number;
  endColOffset: number;
  level: number;
  metadata: string | null;
}

const table = readTokens(tokensText);

function toyTokens(src: string): { next(): ToyToken } {
  const out: ToyToken[] = [];
  let col = 0;
  for (const w of src.split(" ").filter((x) => x !== "")) {
    const type = /^[A-Za-z_]/.test(w) ? 1 : /^[0-9]/.test(w) ? 2 : table.byOp.get(w)!;
    out.push({ type, string: w, lineno: 1, colOffset: col, endLineno: 1, endColOffset: col + w.length, level: 0, metadata: null });
    col += w.length + 1;
  }
  out.push({ type: 0, string: "", lineno: 1, colOffset: col, endLineno: 1, endColOffset: col, level: 0, metadata: null });
  let i = 0;
  return { next: () => out[Math.min(i++, out.length - 1)]! };
}

type Rules = Record<string, () => unknown>;
let parserModule: Promise<{ GeneratedParser: new (...a: unknown[]) => Rules; KEYWORDS: ReadonlyMap<string, number>; SOFT_KEYWORDS: readonly string[] }> | null = null;

function load() {
  if (parserModule === null) {
    const tsText = generateParser(GRAMMAR, tokensText);
    const js = ts.transpileModule(tsText, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pegen-test-")), "toy_parser.mjs");
    fs.writeFileSync(file, js);
    parserModule = import(pathToFileURL(file).href);
  }
  return parserModule;
}

async function parse(rule: string, src: string): Promise<unknown> {
  const m = await load();
  const p = new m.GeneratedParser(toyTokens(src), m.KEYWORDS, m.SOFT_KEYWORDS, "<toy>", src, "exec");
  return p[`${rule}_rule`]!.call(p);
}

test("direct left recursion is left-associative", async () => {
  assert.equal(await parse("start", "a - b - c + d"), "(((a-b)-c)+d)");
  assert.equal(await parse("start", "a + b * c * d - ( e - f )"), "((a+((b*c)*d))-(e-f))");
  assert.equal(await parse("start", "1 + 2"), "(1+2)");
});

test("indirect left recursion picks a leader and grows the seed", async () => {
  assert.equal(await parse("attr", "a . b . c"), "a.b.c");
  assert.equal(await parse("attr", "a"), null);
});

test("gathers and optional trailing separator", async () => {
  assert.deepEqual(await parse("names", "a , b , c ,"), ["a", "b", "c"]);
  assert.deepEqual(await parse("names", "a"), ["a"]);
  assert.equal(await parse("names", ", a"), null);
});

test("positive and negative lookaheads", async () => {
  assert.equal(await parse("look", "( x )"), "paren x");
  assert.equal(await parse("look", "y"), "notnum y");
  assert.equal(await parse("look", "7"), "num 7");
});

test("cut commits to the alternative", async () => {
  assert.equal(await parse("cut", "[ x ]"), "cut x");
  assert.equal(await parse("cut", "[ 1"), "nocut");
  // after '[' NAME the cut forbids trying the next alternatives
  assert.equal(await parse("cut", "[ x y"), null);
});

test("keywords, soft keywords and undefined invalid_ rules", async () => {
  const m = await load();
  assert.ok(m.KEYWORDS.has("if"));
  assert.deepEqual(m.SOFT_KEYWORDS, ["soft"]);
  assert.equal(await parse("kw", "if x"), "if x");
  assert.equal(await parse("kw", "soft x"), "soft x");
  assert.equal(await parse("kw", "soft"), "name soft");
  assert.equal(await parse("kw", "if"), null);
});

test("loops and optional items", async () => {
  assert.equal(await parse("rep", "a b 1 2 3"), 230);
  assert.equal(await parse("rep", "1 !"), 11);
  assert.equal(await parse("rep", "a b"), null);
});

test("forced tokens raise a SyntaxError at once", async () => {
  assert.equal(await parse("forced", "( )"), "ok");
  await assert.rejects(parse("forced", "( x"), (e: unknown) => (e as { msg: string }).msg === "expected ')'");
});

test("the grammar reader rejects what it cannot generate", () => {
  assert.throws(() => parseGrammar("start: 'a' |"));
  assert.throws(() => generateParser("start: undefined_rule", tokensText));
});
