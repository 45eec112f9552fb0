// CPython: Parser/action_helpers.c — helpers called from the grammar's actions.
import * as ast from "../ast/ast.generated.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyComplex } from "../objects/complexobject.js";
import { type Parser, PyPARSE_BARRY_AS_BDFL, type Token } from "./pegen.js";
import * as e_ from "./pegen_errors.js";
import { decodeString, parseString } from "./string_parser.js";
import { unicodeRepr } from "../objects/unicodeobject.js";
import * as T from "./token.generated.js";

// ---- helper records (CPython: pegen.h) ------------------------------------------------

export class CmpopExprPair {
  constructor(
    public cmpop: ast.cmpop,
    public expr: ast.expr,
  ) {}
}

export class KeyValuePair {
  constructor(
    public key: ast.expr | null,
    public value: ast.expr,
  ) {}
}

export class KeyPatternPair {
  constructor(
    public key: ast.expr,
    public pattern: ast.pattern,
  ) {}
}

export class NameDefaultPair {
  constructor(
    public arg: ast.arg,
    public value: ast.expr | null,
  ) {}
}

export class SlashWithDefault {
  constructor(
    public plainNames: ast.arg[],
    public namesWithDefaults: NameDefaultPair[],
  ) {}
}

export class StarEtc {
  constructor(
    public vararg: ast.arg | null,
    public kwonlyargs: NameDefaultPair[] | null,
    public kwarg: ast.arg | null,
  ) {}
}

export class KeywordOrStarred {
  constructor(
    public element: ast.keyword | ast.expr,
    public isKeyword: boolean,
  ) {}
}

export class ResultTokenWithMetadata {
  constructor(
    public result: ast.expr,
    public metadata: string | null,
  ) {}
}

/** CPython: CHECK_VERSION — a construct newer than ast.parse(feature_version=...) allows. */
export function checkVersion<N>(p: Parser, version: number, msg: string, node: N): N {
  if (p.featureVersion < version) e_.RAISE_SYNTAX_ERROR(p, `${msg} only supported in Python 3.${version} and greater`);
  return node;
}

// ---- sequences --------------------------------------------------------------------------

/** CPython: _PyPegen_seq_insert_in_front (a new array). */
export function seqInsertInFront<E>(a: E, seq: E[] | null): E[] {
  if (seq === null) return [a];
  const out = new Array<E>(seq.length + 1);
  out[0] = a;
  for (let i = 0; i < seq.length; i++) out[i + 1] = seq[i]!;
  return out;
}

/** CPython: _PyPegen_seq_flatten. */
export function seqFlatten<E>(seqs: E[][]): E[] {
  if (seqs.length === 1) return seqs[0]!;
  const out: E[] = [];
  for (const s of seqs) for (const e of s) out.push(e);
  return out;
}

/** CPython: _PyPegen_seq_count_dots. */
export function seqCountDots(seq: Token[]): number {
  let n = 0;
  for (const t of seq) n += t.type === T.ELLIPSIS ? 3 : 1;
  return n;
}

/** CPython: _PyPegen_map_names_to_ids. */
export function mapNamesToIds(seq: ast.Name[]): string[] {
  return seq.map((e) => e.id);
}

export function getCmpops(seq: CmpopExprPair[]): ast.cmpop[] {
  return seq.map((p) => p.cmpop);
}
export function getExprs(seq: CmpopExprPair[]): ast.expr[] {
  return seq.map((p) => p.expr);
}
export function getKeys(seq: KeyValuePair[] | null): (ast.expr | null)[] {
  return seq === null ? [] : seq.map((p) => p.key);
}
export function getValues(seq: KeyValuePair[] | null): ast.expr[] {
  return seq === null ? [] : seq.map((p) => p.value);
}
export function getPatternKeys(seq: KeyPatternPair[]): ast.expr[] {
  return seq.map((p) => p.key);
}
export function getPatterns(seq: KeyPatternPair[]): ast.pattern[] {
  return seq.map((p) => p.pattern);
}

// ---- names and contexts -----------------------------------------------------------------

/** CPython: _PyPegen_join_names_with_dot. */
export function joinNamesWithDot(_p: Parser, first: ast.Name, second: ast.Name): ast.Name {
  return new ast.Name(`${first.id}.${second.id}`, ast.Load, first.lineno, first.col_offset, second.end_lineno, second.end_col_offset);
}

/** CPython: _PyPegen_set_expr_context — a copy of the target with the given context. */
export function setExprContext(e: ast.expr, ctx: ast.expr_context): ast.expr {
  switch (e._kind) {
    case ast.Kind.Name:
      return new ast.Name(e.id, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case ast.Kind.Tuple:
      return new ast.Tuple(e.elts.map((x) => setExprContext(x, ctx)), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case ast.Kind.List:
      return new ast.List(e.elts.map((x) => setExprContext(x, ctx)), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case ast.Kind.Subscript:
      return new ast.Subscript(e.value, e.slice, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case ast.Kind.Attribute:
      return new ast.Attribute(e.value, e.attr, ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    case ast.Kind.Starred:
      return new ast.Starred(setExprContext(e.value, ctx), ctx, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
    default:
      return e;
  }
}

/** CPython: _PyPegen_dummy_name. */
export function dummyName(p: Parser): ast.Name {
  return p.dummyName();
}

// ---- statements ---------------------------------------------------------------------------

/** CPython: _PyPegen_make_module. */
export function makeModule(p: Parser, a: ast.stmt[] | null): ast.mod {
  const ignores = p.typeIgnoreComments.map((c) => new ast.TypeIgnore(c.lineno, c.comment));
  return new ast.Module(a ?? [], ignores);
}

/** CPython: _PyPegen_interactive_exit — end of input in "single" mode. */
export function interactiveExit(_p: Parser): null {
  return null;
}

/** CPython: NEW_TYPE_COMMENT. */
export function newTypeComment(_p: Parser, tc: Token | null): string | null {
  return tc === null ? null : tc.string;
}

/** CPython: _PyPegen_checked_future_import. */
export function checkedFutureImport(p: Parser, module: string, names: ast.alias[], level: number,
  lineno: number, col: number, endLineno: number, endCol: number): ast.stmt {
  if (level === 0 && module === "__future__") {
    for (const a of names) if (a.name === "barry_as_FLUFL") p.flags |= PyPARSE_BARRY_AS_BDFL;
  }
  return new ast.ImportFrom(module, names, level, lineno, col, endLineno, endCol);
}

/** CPython: _PyPegen_alias_for_star. */
export function aliasForStar(_p: Parser, lineno: number, col: number, endLineno: number, endCol: number): ast.alias {
  return new ast.alias("*", null, lineno, col, endLineno, endCol);
}

/** CPython: _PyPegen_function_def_decorators. */
export function functionDefDecorators(decorators: ast.expr[], f: ast.stmt): ast.stmt {
  if (f._kind === ast.Kind.AsyncFunctionDef) {
    return new ast.AsyncFunctionDef(f.name, f.args, f.body, decorators, f.returns, f.type_comment, f.type_params,
      f.lineno, f.col_offset, f.end_lineno, f.end_col_offset);
  }
  const g = f as ast.FunctionDef;
  return new ast.FunctionDef(g.name, g.args, g.body, decorators, g.returns, g.type_comment, g.type_params,
    g.lineno, g.col_offset, g.end_lineno, g.end_col_offset);
}

/** CPython: _PyPegen_class_def_decorators. */
export function classDefDecorators(decorators: ast.expr[], c: ast.stmt): ast.stmt {
  const k = c as ast.ClassDef;
  return new ast.ClassDef(k.name, k.bases, k.keywords, k.body, decorators, k.type_params,
    k.lineno, k.col_offset, k.end_lineno, k.end_col_offset);
}

// ---- arguments ------------------------------------------------------------------------------

/** CPython: _PyPegen_add_type_comment_to_arg. */
export function addTypeCommentToArg(_p: Parser, a: ast.arg, tc: Token | null): ast.arg {
  if (tc === null) return a;
  return new ast.arg(a.arg, a.annotation, tc.string, a.lineno, a.col_offset, a.end_lineno, a.end_col_offset);
}

/** CPython: _PyPegen_name_default_pair. */
export function nameDefaultPair(p: Parser, a: ast.arg, value: ast.expr | null, tc: Token | null): NameDefaultPair {
  return new NameDefaultPair(addTypeCommentToArg(p, a, tc), value);
}

/** CPython: _PyPegen_empty_arguments. */
export function emptyArguments(): ast.arguments_ {
  return new ast.arguments_([], [], null, [], [], null, []);
}

/** CPython: _PyPegen_make_arguments. */
export function makeArguments(
  slashWithoutDefault: ast.arg[] | null,
  slashWithDefault: SlashWithDefault | null,
  plainNames: ast.arg[] | null,
  namesWithDefault: NameDefaultPair[] | null,
  starEtc: StarEtc | null,
): ast.arguments_ {
  let posonlyargs: ast.arg[];
  if (slashWithoutDefault !== null) posonlyargs = slashWithoutDefault;
  else if (slashWithDefault !== null) {
    posonlyargs = slashWithDefault.plainNames.concat(slashWithDefault.namesWithDefaults.map((x) => x.arg));
  } else posonlyargs = [];

  let posargs: ast.arg[];
  if (namesWithDefault !== null) {
    const names = namesWithDefault.map((x) => x.arg);
    posargs = plainNames !== null ? plainNames.concat(names) : names;
  } else posargs = plainNames ?? [];

  let posdefaults: ast.expr[];
  if (slashWithDefault !== null && namesWithDefault !== null) {
    posdefaults = slashWithDefault.namesWithDefaults.map((x) => x.value!).concat(namesWithDefault.map((x) => x.value!));
  } else if (namesWithDefault !== null) posdefaults = namesWithDefault.map((x) => x.value!);
  else if (slashWithDefault !== null) posdefaults = slashWithDefault.namesWithDefaults.map((x) => x.value!);
  else posdefaults = [];

  const vararg = starEtc !== null ? starEtc.vararg : null;
  const kw = starEtc !== null ? starEtc.kwonlyargs : null;
  const kwonlyargs = kw !== null ? kw.map((x) => x.arg) : [];
  const kwdefaults = kw !== null ? kw.map((x) => x.value) : [];
  const kwarg = starEtc !== null ? starEtc.kwarg : null;
  return new ast.arguments_(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg, posdefaults);
}

/** CPython: _PyPegen_seq_extract_starred_exprs. */
export function seqExtractStarredExprs(kwargs: KeywordOrStarred[]): ast.expr[] {
  const out: ast.expr[] = [];
  for (const k of kwargs) if (!k.isKeyword) out.push(k.element as ast.expr);
  return out;
}

/** CPython: _PyPegen_seq_delete_starred_exprs. */
export function seqDeleteStarredExprs(kwargs: KeywordOrStarred[]): ast.keyword[] {
  const out: ast.keyword[] = [];
  for (const k of kwargs) if (k.isKeyword) out.push(k.element as ast.keyword);
  return out;
}

/** CPython: _PyPegen_collect_call_seqs. */
export function collectCallSeqs(p: Parser, a: ast.expr[], b: KeywordOrStarred[] | null,
  lineno: number, col: number, endLineno: number, endCol: number): ast.Call {
  if (b === null) return new ast.Call(p.dummyName(), a, [], lineno, col, endLineno, endCol);
  const starreds = seqExtractStarredExprs(b);
  const keywords = seqDeleteStarredExprs(b);
  return new ast.Call(p.dummyName(), starreds.length ? a.concat(starreds) : a, keywords, lineno, col, endLineno, endCol);
}

// ---- numbers and operators -----------------------------------------------------------------

/** CPython: _PyPegen_ensure_imaginary. */
export function ensureImaginary(p: Parser, x: ast.expr): ast.expr {
  if (x._kind !== ast.Kind.Constant || !(x.value instanceof PyComplex)) {
    e_.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(p, x, "imaginary number required in complex literal");
  }
  return x;
}

/** CPython: _PyPegen_ensure_real. */
export function ensureReal(p: Parser, x: ast.expr): ast.expr {
  if (x._kind !== ast.Kind.Constant || x.value instanceof PyComplex) {
    e_.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(p, x, "real number required in complex literal");
  }
  return x;
}

/** CPython: _PyPegen_check_barry_as_flufl — true when the '!=' / '<>' token is not allowed. */
export function checkBarryAsFlufl(p: Parser, t: Token): boolean {
  if (p.flags & PyPARSE_BARRY_AS_BDFL) {
    if (t.string !== "<>") {
      e_.RAISE_SYNTAX_ERROR(p, "with Barry as BDFL, use '<>' instead of '!='");
    }
    return false;
  }
  return t.string !== "!=";
}

// ---- strings ------------------------------------------------------------------------------

function isEmptyStr(e: ast.expr): boolean {
  return e._kind === ast.Kind.Constant && e.value === "";
}

/** CPython: _PyPegen_constant_from_token — FSTRING_MIDDLE text as it is. */
export function constantFromToken(_p: Parser, t: Token): ast.expr {
  return new ast.Constant(t.string, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
}

/** CPython: _PyPegen_decoded_constant_from_token — a format spec part, escapes decoded. */
export function decodedConstantFromToken(p: Parser, t: Token): ast.expr {
  const s = decodeString(p, insideRawFString(p), t.string, t);
  return new ast.Constant(s, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
}

/** The FSTRING_START / TSTRING_START of the innermost f/t-string open at the current token. */
function innermostStringStart(p: Parser): Token | null {
  let depth = 0;
  for (let i = p.mark - 1; i >= 0; i--) {
    const t = p.tokens[i]!;
    if (t.type === T.FSTRING_END || t.type === T.TSTRING_END) depth++;
    else if (t.type === T.FSTRING_START || t.type === T.TSTRING_START) {
      if (depth === 0) return t;
      depth--;
    }
  }
  return null;
}

/** Whether the innermost open f/t-string is raw (CPython: TOK_GET_MODE(p->tok)->raw). */
function insideRawFString(p: Parser): boolean {
  const t = innermostStringStart(p);
  return t !== null && /[rR]/.test(t.string);
}

/** Whether the innermost open f/t-string is a t-string. */
function innermostIsTString(p: Parser): boolean {
  const t = innermostStringStart(p);
  return t !== null && t.type === T.TSTRING_START;
}

/** CPython: _PyPegen_constant_from_string — a STRING token. */
export function constantFromString(p: Parser, t: Token): ast.expr {
  const s = parseString(p, t);
  const c0 = t.string.charCodeAt(0);
  const kind = c0 === 117 /* u */ || c0 === 85 /* U */ ? "u" : null;
  return new ast.Constant(s, kind, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
}

/** CPython: _PyPegen_decode_fstring_part. */
function decodeFstringPart(p: Parser, isRaw: boolean, c: ast.Constant, t: Token): ast.Constant {
  const s = c.value as string;
  const body = s === "{{" || s === "}}" ? s.slice(0, 1) : s;
  const raw = isRaw || body.indexOf("\\") < 0;
  const str = decodeString(p, raw, body, t);
  return new ast.Constant(str, null, c.lineno, c.col_offset, c.end_lineno, c.end_col_offset);
}

/** CPython: _get_resized_exprs — decode constant parts, splice debug pairs, drop empty parts. */
function resizedExprs(p: Parser, a: Token, raw: ast.expr[], b: Token): ast.expr[] {
  const isRaw = /[rR]/.test(a.string);
  const out: ast.expr[] = [];
  for (let item of raw) {
    if (item._kind === ast.Kind.JoinedStr) {
      // A debug expression f"{x=}": the text constant and the value.
      out.push(item.values[0]!, item.values[1]!);
      continue;
    }
    if (item._kind === ast.Kind.Constant) {
      item = decodeFstringPart(p, isRaw, item, b);
      if (item.value === "") continue;
    }
    out.push(item);
  }
  return out;
}

/** CPython: _PyPegen_joined_str. */
export function joinedStr(p: Parser, a: Token, raw: ast.expr[], b: Token): ast.expr {
  return new ast.JoinedStr(resizedExprs(p, a, raw, b), a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
}

/** CPython: _PyPegen_template_str. */
export function templateStr(p: Parser, a: Token, raw: ast.expr[], b: Token): ast.expr {
  return new ast.TemplateStr(resizedExprs(p, a, raw, b), a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
}

/** CPython: _PyPegen_check_fstring_conversion. */
export function checkFstringConversion(p: Parser, convToken: Token, conv: ast.Name): ResultTokenWithMetadata {
  if (convToken.lineno !== conv.lineno || convToken.end_col_offset !== conv.col_offset) {
    e_.RAISE_SYNTAX_ERROR_KNOWN_RANGE(p, convToken, conv, "f-string: conversion type must come right after the exclamation mark");
  }
  const first = conv.id.codePointAt(0)!;
  if (conv.id.length > 1 || !(first === 115 || first === 114 || first === 97)) {
    const kind = innermostIsTString(p) ? "t-string" : "f-string";
    e_.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(p, conv, `${kind}: invalid conversion character ${unicodeRepr(conv.id)}: expected 's', 'r', or 'a'`);
  }
  return new ResultTokenWithMetadata(conv, convToken.metadata);
}

/** CPython: _PyPegen_setup_full_format_spec. */
export function setupFullFormatSpec(p: Parser, colon: Token, spec: ast.expr[],
  lineno: number, col: number, endLineno: number, endCol: number): ResultTokenWithMetadata {
  const items = spec.filter((e) => !isEmptyStr(e));
  let res: ast.expr;
  if (items.length === 0 || (items.length === 1 && items[0]!._kind === ast.Kind.Constant)) {
    res = new ast.JoinedStr(items, lineno, col, endLineno, endCol);
  } else {
    res = concatenateStrings(p, items, lineno, col, endLineno, endCol);
  }
  return new ResultTokenWithMetadata(res, colon.metadata);
}

/** CPython: _get_interpolation_conversion (checkFstringConversion checked the character). */
function conversionValue(debug: Token | null, conversion: ResultTokenWithMetadata | null, format: ResultTokenWithMetadata | null): number {
  if (conversion !== null) return (conversion.result as ast.Name).id.codePointAt(0)!;
  if (debug !== null && format === null) return 114; // 'r'
  return -1;
}

/** The `=` debug text node and the end of it (CPython: the debug branch of _PyPegen_formatted_value). */
function debugPair(value: ast.expr, conversion: ResultTokenWithMetadata | null, format: ResultTokenWithMetadata | null,
  closing: Token, lineno: number, col: number, endLineno: number, endCol: number): ast.expr {
  let line: number;
  let offset: number;
  let metadata: string | null;
  if (conversion !== null) {
    line = conversion.result.lineno;
    offset = conversion.result.col_offset;
    metadata = conversion.metadata;
  } else if (format !== null) {
    line = format.result.lineno;
    offset = format.result.col_offset + 1;
    metadata = format.metadata;
  } else {
    line = endLineno;
    offset = endCol;
    metadata = closing.metadata;
  }
  const text = new ast.Constant(metadata ?? "", null, lineno, col + 1, line, offset - 1);
  return new ast.JoinedStr([text, value], lineno, col, line, offset);
}

/** CPython: _PyPegen_formatted_value. */
export function formattedValue(_p: Parser, expression: ast.expr, debug: Token | null, conversion: ResultTokenWithMetadata | null,
  format: ResultTokenWithMetadata | null, closing: Token, lineno: number, col: number, endLineno: number, endCol: number): ast.expr {
  const conv = conversionValue(debug, conversion, format);
  const fv = new ast.FormattedValue(expression, conv, format !== null ? format.result : null, lineno, col, endLineno, endCol);
  if (debug === null) return fv;
  return debugPair(fv, conversion, format, closing, lineno, col, endLineno, endCol);
}

/** CPython: _PyPegen_interpolation. */
export function interpolation(_p: Parser, expression: ast.expr, debug: Token | null, conversion: ResultTokenWithMetadata | null,
  format: ResultTokenWithMetadata | null, closing: Token, lineno: number, col: number, endLineno: number, endCol: number): ast.expr {
  const conv = conversionValue(debug, conversion, format);
  const exprstr = (conversion !== null ? conversion.metadata : format !== null ? format.metadata : closing.metadata) ?? "";
  // CPython: _strip_interpolation_expr — trailing whitespace and '=' removed.
  const stripped = exprstr.replace(/[\s=]+$/u, "");
  const node = new ast.Interpolation(expression, stripped, conv, format !== null ? format.result : null, lineno, col, endLineno, endCol);
  if (debug === null) return node;
  return debugPair(node, conversion, format, closing, lineno, col, endLineno, endCol);
}

/** CPython: _build_concatenated_str — flatten JoinedStr/TemplateStr parts, fold adjacent constants. */
function buildConcatenatedStr(strings: ast.expr[]): ast.expr[] {
  const flat: ast.expr[] = [];
  for (const e of strings) {
    if (e._kind === ast.Kind.JoinedStr || e._kind === ast.Kind.TemplateStr) for (const v of e.values) flat.push(v);
    else flat.push(e);
  }
  const out: ast.expr[] = [];
  for (let i = 0; i < flat.length; i++) {
    let e = flat[i]!;
    if (e._kind === ast.Kind.Constant) {
      if (i + 1 < flat.length && flat[i + 1]!._kind === ast.Kind.Constant) {
        const first = e;
        let last = e;
        let s = "";
        let j = i;
        for (; j < flat.length; j++) {
          const c = flat[j]!;
          if (c._kind !== ast.Kind.Constant) break;
          s += c.value as string;
          last = c;
        }
        i = j - 1;
        e = new ast.Constant(s, first.kind, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset);
      }
      if (e.value === "") continue;
    }
    out.push(e);
  }
  return out;
}

/** CPython: _PyPegen_concatenate_strings. */
export function concatenateStrings(p: Parser, strings: ast.expr[], lineno: number, col: number, endLineno: number, endCol: number): ast.expr {
  let fstring = false;
  let unicode = false;
  let bytes = false;
  for (const e of strings) {
    if (e._kind === ast.Kind.Constant) {
      if (e.value instanceof PyBytes) bytes = true;
      else unicode = true;
    } else fstring = true;
  }
  if ((unicode || fstring) && bytes) e_.RAISE_SYNTAX_ERROR(p, "cannot mix bytes and nonbytes literals");
  if (!fstring) {
    if (strings.length === 1) return strings[0]!;
    const first = strings[0] as ast.Constant;
    if (bytes) {
      let n = 0;
      for (const e of strings) n += ((e as ast.Constant).value as PyBytes).value.length;
      const buf = new Uint8Array(n);
      let o = 0;
      for (const e of strings) {
        const v = ((e as ast.Constant).value as PyBytes).value;
        buf.set(v, o);
        o += v.length;
      }
      return new ast.Constant(new PyBytes(buf), first.kind, lineno, col, endLineno, endCol);
    }
    let s = "";
    for (const e of strings) s += (e as ast.Constant).value as string;
    return new ast.Constant(s, first.kind, lineno, col, endLineno, endCol);
  }
  return new ast.JoinedStr(buildConcatenatedStr(strings), lineno, col, endLineno, endCol);
}

/** CPython: _PyPegen_concatenate_tstrings. */
export function concatenateTstrings(_p: Parser, strings: ast.expr[], lineno: number, col: number, endLineno: number, endCol: number): ast.expr {
  return new ast.TemplateStr(buildConcatenatedStr(strings), lineno, col, endLineno, endCol);
}
