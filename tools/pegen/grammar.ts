// CPython: Tools/peg_generator/pegen/grammar.py and metagrammar.gram
//
// The grammar model (rules, alternatives, items) and a hand-written reader for pegen's
// notation:
//   rule[Type] (memo): | alt | alt        alt: item* { action }
//   item: name=atom, name[Type]=atom, &atom, !atom, &&atom, ~, atom?, atom*, atom+,
//         sep.atom+, [alts], (alts), NAME, 'keyword', "soft keyword"
//   @name '''text''' / @name NAME meta definitions (header, trailer, ...)

export type Item =
  | { kind: "name"; value: string } // rule or token name
  | { kind: "string"; value: string; quote: "'" | '"' } // keyword, soft keyword or operator
  | { kind: "group"; rhs: Rhs } // ( alts )
  | { kind: "opt"; node: Item } // [ x ] or x?
  | { kind: "repeat0"; node: Item } // x*
  | { kind: "repeat1"; node: Item } // x+
  | { kind: "gather"; sep: Item; node: Item } // sep.x+
  | { kind: "poslook"; node: Item } // &x
  | { kind: "neglook"; node: Item } // !x
  | { kind: "forced"; node: Item } // &&x
  | { kind: "cut" }; // ~

export interface NamedItem {
  name: string | null;
  type: string | null;
  item: Item;
}

export interface Alt {
  items: NamedItem[];
  action: string | null;
}

export interface Rhs {
  alts: Alt[];
}

export interface Rule {
  name: string;
  type: string | null;
  memo: boolean;
  rhs: Rhs;
  /** Set by the analysis: this rule is left-recursive / the leader of its cycle. */
  leftRecursive: boolean;
  leader: boolean;
  /** Generated helper rules (_loop0_N, _gather_N, _tmp_N) are artificial. */
  artificial: boolean;
}

export interface Grammar {
  rules: Map<string, Rule>;
  metas: Map<string, string>;
}

export class GrammarError extends Error {}

// ---- reader ----------------------------------------------------------------------------

type Tok =
  | { t: "name"; v: string; col: number; line: number }
  | { t: "string"; v: string; q: "'" | '"'; line: number; col: number }
  | { t: "op"; v: string; col: number; line: number }
  | { t: "action"; v: string; col: number; line: number }
  | { t: "meta"; v: string; col: number; line: number }
  | { t: "eof"; v: ""; col: number; line: number };

function lexGrammar(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === "\n") {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++;
      continue;
    }
    if (c === "#") {
      while (i < n && src[i] !== "\n") i++;
      continue;
    }
    const col = i - lineStart;
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /\w/.test(src[j])) j++;
      toks.push({ t: "name", v: src.slice(i, j), col, line });
      i = j;
      continue;
    }
    if (c === "@") {
      let j = i + 1;
      while (j < n && /\w/.test(src[j])) j++;
      toks.push({ t: "meta", v: src.slice(i + 1, j), col, line });
      i = j;
      continue;
    }
    if (c === "'" || c === '"') {
      if (src.startsWith(c.repeat(3), i)) {
        const end = src.indexOf(c.repeat(3), i + 3);
        if (end < 0) throw new GrammarError(`line ${line}: unterminated triple-quoted string`);
        const v = src.slice(i + 3, end);
        for (const ch of v) if (ch === "\n") line++;
        toks.push({ t: "string", v, q: c, line, col });
        i = end + 3;
        continue;
      }
      let j = i + 1;
      let v = "";
      while (j < n && src[j] !== c) {
        if (src[j] === "\\") {
          v += src[j + 1];
          j += 2;
        } else v += src[j++];
      }
      toks.push({ t: "string", v, q: c, line, col });
      i = j + 1;
      continue;
    }
    if (c === "{") {
      // An action: balanced braces, skipping over string literals.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = src[j];
        if (d === "\n") {
          line++;
          lineStart = j + 1;
        } else if (d === "{") depth++;
        else if (d === "}") {
          if (--depth === 0) break;
        } else if (d === '"' || d === "'" || d === "`") {
          j++;
          while (j < n && src[j] !== d) {
            if (src[j] === "\\") j++;
            j++;
          }
        }
      }
      toks.push({ t: "action", v: src.slice(i + 1, j).trim(), col, line });
      i = j + 1;
      continue;
    }
    if (c === "&" && src[i + 1] === "&") {
      toks.push({ t: "op", v: "&&", col, line });
      i += 2;
      continue;
    }
    if ("[]()|:=&!~?*+.,".includes(c)) {
      toks.push({ t: "op", v: c, col, line });
      i++;
      continue;
    }
    throw new GrammarError(`line ${line}: unexpected character ${JSON.stringify(c)}`);
  }
  toks.push({ t: "eof", v: "", col: 0, line });
  return toks;
}

class GrammarReader {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok {
    return this.toks[this.pos];
  }
  private isOp(v: string): boolean {
    const t = this.toks[this.pos];
    return t.t === "op" && t.v === v;
  }
  private expectOp(v: string): void {
    if (!this.isOp(v)) this.fail(`expected '${v}'`);
    this.pos++;
  }
  private fail(msg: string): never {
    const t = this.peek();
    throw new GrammarError(`line ${t.line}: ${msg}, got ${t.t} ${JSON.stringify(t.v)}`);
  }

  read(): Grammar {
    const rules = new Map<string, Rule>();
    const metas = new Map<string, string>();
    for (;;) {
      const t = this.peek();
      if (t.t === "eof") break;
      if (t.t === "meta") {
        this.pos++;
        const v = this.peek();
        if (v.t === "string" || v.t === "name") {
          metas.set(t.v, v.v);
          this.pos++;
        } else metas.set(t.v, "");
        continue;
      }
      if (t.t !== "name" || t.col !== 0) this.fail("expected a rule name at column 0");
      const rule = this.readRule();
      if (rules.has(rule.name)) throw new GrammarError(`rule ${rule.name} defined twice`);
      rules.set(rule.name, rule);
    }
    return { rules, metas };
  }

  /** Text between '[' and the matching ']' (a type such as `ast.expr[]`). */
  private readBracketType(): string {
    this.expectOp("[");
    let depth = 1;
    let out = "";
    for (;;) {
      const t = this.peek();
      if (t.t === "eof") this.fail("unterminated type");
      this.pos++;
      if (t.t === "op" && t.v === "[") depth++;
      else if (t.t === "op" && t.v === "]" && --depth === 0) break;
      out += t.t === "string" ? t.q + t.v + t.q : t.v;
    }
    return out;
  }

  private readRule(): Rule {
    const name = (this.toks[this.pos++] as { v: string }).v;
    let type: string | null = null;
    let memo = false;
    if (this.isOp("[")) type = this.readBracketType();
    if (this.isOp("(")) {
      this.pos++;
      const m = this.peek();
      if (m.t !== "name" || m.v !== "memo") this.fail("expected 'memo'");
      this.pos++;
      this.expectOp(")");
      memo = true;
    }
    this.expectOp(":");
    if (this.isOp("|")) this.pos++;
    const rhs = this.readAlts(true);
    return { name, type, memo, rhs, leftRecursive: false, leader: false, artificial: false };
  }

  private readAlts(topLevel: boolean): Rhs {
    const alts: Alt[] = [this.readAlt(topLevel)];
    while (this.isOp("|")) {
      this.pos++;
      alts.push(this.readAlt(topLevel));
    }
    return { alts };
  }

  private atAltEnd(topLevel: boolean): boolean {
    const t = this.peek();
    if (t.t === "eof" || t.t === "meta") return true;
    if (t.t === "op" && (t.v === "|" || t.v === ")" || t.v === "]")) return true;
    if (t.t === "action") return true;
    // A name at column 0 starts the next rule.
    return topLevel && t.t === "name" && t.col === 0;
  }

  private readAlt(topLevel: boolean): Alt {
    const items: NamedItem[] = [];
    while (!this.atAltEnd(topLevel)) items.push(this.readNamedItem());
    if (items.length === 0) this.fail("empty alternative");
    let action: string | null = null;
    const t = this.peek();
    if (t.t === "action") {
      action = t.v;
      this.pos++;
    }
    return { items, action };
  }

  private readNamedItem(): NamedItem {
    const t = this.peek();
    const next = this.toks[this.pos + 1];
    if (t.t === "name" && next.t === "op" && (next.v === "=" || next.v === "[")) {
      // name=item or name[type]=item (but not a rule reference followed by '[' opt)
      if (next.v === "=") {
        this.pos += 2;
        return { name: t.v, type: null, item: this.readItem() };
      }
      const save = this.pos;
      this.pos++;
      const type = this.readBracketType();
      if (this.isOp("=")) {
        this.pos++;
        return { name: t.v, type, item: this.readItem() };
      }
      this.pos = save;
    }
    if (this.isOp("&&")) {
      this.pos++;
      return { name: null, type: null, item: { kind: "forced", node: this.readAtom() } };
    }
    if (this.isOp("&")) {
      this.pos++;
      return { name: null, type: null, item: { kind: "poslook", node: this.readAtom() } };
    }
    if (this.isOp("!")) {
      this.pos++;
      return { name: null, type: null, item: { kind: "neglook", node: this.readAtom() } };
    }
    if (this.isOp("~")) {
      this.pos++;
      return { name: null, type: null, item: { kind: "cut" } };
    }
    return { name: null, type: null, item: this.readItem() };
  }

  private readItem(): Item {
    if (this.isOp("[")) {
      this.pos++;
      const rhs = this.readAlts(false);
      this.expectOp("]");
      return { kind: "opt", node: { kind: "group", rhs } };
    }
    const atom = this.readAtom();
    if (this.isOp("?")) {
      this.pos++;
      return { kind: "opt", node: atom };
    }
    if (this.isOp("*")) {
      this.pos++;
      return { kind: "repeat0", node: atom };
    }
    if (this.isOp("+")) {
      this.pos++;
      return { kind: "repeat1", node: atom };
    }
    if (this.isOp(".")) {
      this.pos++;
      const node = this.readAtom();
      this.expectOp("+");
      return { kind: "gather", sep: atom, node };
    }
    return atom;
  }

  private readAtom(): Item {
    const t = this.peek();
    if (t.t === "op" && t.v === "(") {
      this.pos++;
      const rhs = this.readAlts(false);
      this.expectOp(")");
      return { kind: "group", rhs };
    }
    if (t.t === "name") {
      this.pos++;
      return { kind: "name", value: t.v };
    }
    if (t.t === "string") {
      this.pos++;
      return { kind: "string", value: t.v, quote: t.q };
    }
    this.fail("expected an atom");
  }
}

export function parseGrammar(src: string): Grammar {
  return new GrammarReader(lexGrammar(src)).read();
}
