// Reads src/vm/bytecodes.def (CPython: Tools/cases_generator/parser.py, lexer.py).
// The file is a list of declarations; instruction bodies are TypeScript kept verbatim.

/** One stack item or cache entry of a `(inputs -- outputs)` declaration. */
export interface StackItem {
  name: string;
  /** Array size as a TypeScript expression over `oparg`, or null for a single item. */
  size: string | null;
}

export interface CacheEntry {
  name: string;
  /** Size in code units. */
  size: number;
}

export interface InstDef {
  kind: "inst";
  name: string;
  annotations: string[];
  caches: CacheEntry[];
  inputs: StackItem[];
  outputs: StackItem[];
  /** TypeScript text between the braces, or null when the instruction has no body yet. */
  body: string | null;
  /** 1-based line of the declaration in the def file. */
  line: number;
}

export interface FamilyDef {
  kind: "family";
  name: string;
  cacheSize: number;
  members: string[];
  line: number;
}

export interface PseudoDef {
  kind: "pseudo";
  name: string;
  inputs: StackItem[];
  outputs: StackItem[];
  flags: string[];
  targets: string[];
  line: number;
}

/** TypeScript copied to the top of the generated eval loop (its imports). */
export interface PreambleDef {
  kind: "preamble";
  text: string;
  line: number;
}

/** `hot = { NAMES };`: instructions compiled into the eval loop function itself. */
export interface HotDef {
  kind: "hot";
  names: string[];
  line: number;
}

export type Definition = InstDef | FamilyDef | PseudoDef | PreambleDef | HotDef;

class DefParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly filename: string) {}

  private line(at = this.pos): number {
    let n = 1;
    for (let i = 0; i < at; i++) if (this.text.charCodeAt(i) === 10) n++;
    return n;
  }

  private fail(msg: string): never {
    throw new Error(`${this.filename}:${this.line()}: ${msg}`);
  }

  /** Skips white space and // and /* comments. */
  private skip(): void {
    const t = this.text;
    for (;;) {
      while (this.pos < t.length && /\s/.test(t[this.pos]!)) this.pos++;
      if (t.startsWith("//", this.pos)) {
        const e = t.indexOf("\n", this.pos);
        this.pos = e < 0 ? t.length : e + 1;
      } else if (t.startsWith("/*", this.pos)) {
        const e = t.indexOf("*/", this.pos + 2);
        if (e < 0) this.fail("unterminated comment");
        this.pos = e + 2;
      } else {
        return;
      }
    }
  }

  private peekIdent(): string | null {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.text.slice(this.pos, this.pos + 200));
    return m === null ? null : m[0];
  }

  private ident(): string {
    const id = this.peekIdent();
    if (id === null) this.fail("expected a name");
    this.pos += id.length;
    return id;
  }

  private expect(s: string): void {
    this.skip();
    if (!this.text.startsWith(s, this.pos)) this.fail(`expected '${s}'`);
    this.pos += s.length;
  }

  private accept(s: string): boolean {
    this.skip();
    if (this.text.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }

  /** Text up to the matching close bracket, respecting nesting, strings and comments. */
  private balanced(open: string, close: string): string {
    const t = this.text;
    const start = this.pos;
    let depth = 1;
    while (this.pos < t.length) {
      const c = t[this.pos]!;
      if (c === "'" || c === '"' || c === "`") {
        this.pos++;
        while (this.pos < t.length && t[this.pos] !== c) {
          if (t[this.pos] === "\\") this.pos++;
          this.pos++;
        }
        this.pos++;
        continue;
      }
      if (t.startsWith("//", this.pos)) {
        const e = t.indexOf("\n", this.pos);
        this.pos = e < 0 ? t.length : e;
        continue;
      }
      if (t.startsWith("/*", this.pos)) {
        const e = t.indexOf("*/", this.pos + 2);
        this.pos = e < 0 ? t.length : e + 2;
        continue;
      }
      if (c === open) depth++;
      else if (c === close && --depth === 0) {
        const s = t.slice(start, this.pos);
        this.pos++;
        return s;
      }
      this.pos++;
    }
    return this.fail(`unbalanced '${open}'`);
  }

  /** Parses `inputs -- outputs` (the text inside the parentheses). */
  private effect(text: string): { caches: CacheEntry[]; inputs: StackItem[]; outputs: StackItem[] } {
    const sep = text.indexOf("--");
    if (sep < 0) this.fail(`stack effect without '--': ${text}`);
    const caches: CacheEntry[] = [];
    const inputs: StackItem[] = [];
    for (const item of splitItems(text.slice(0, sep))) {
      const cm = /^([A-Za-z_][A-Za-z0-9_]*)\s*\/\s*(\d+)$/.exec(item);
      if (cm !== null) {
        if (inputs.length > 0) this.fail(`cache entry '${item}' after a stack input`);
        caches.push({ name: cm[1]!, size: Number(cm[2]) });
      } else {
        inputs.push(this.stackItem(item));
      }
    }
    const outputs = splitItems(text.slice(sep + 2)).map((s) => this.stackItem(s));
    return { caches, inputs, outputs };
  }

  private stackItem(s: string): StackItem {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.*)\])?$/s.exec(s);
    if (m === null) this.fail(`bad stack item '${s}'`);
    return { name: m[1]!, size: m[2] === undefined ? null : m[2].trim() };
  }

  private nameList(): string[] {
    this.expect("{");
    const inner = this.balanced("{", "}");
    return inner.split(",").map((s) => s.trim()).filter((s) => s !== "");
  }

  parse(): Definition[] {
    const defs: Definition[] = [];
    for (;;) {
      this.skip();
      if (this.pos >= this.text.length) return defs;
      const line = this.line();
      const annotations: string[] = [];
      let word = this.ident();
      if (word === "hot") {
        this.expect("=");
        defs.push({ kind: "hot", names: this.nameList(), line });
        this.expect(";");
        continue;
      }
      if (word === "preamble") {
        this.expect("{");
        defs.push({ kind: "preamble", text: this.balanced("{", "}"), line });
        continue;
      }
      while (word !== "inst" && word !== "family" && word !== "pseudo") {
        annotations.push(word);
        word = this.ident();
      }
      this.expect("(");
      const name = this.ident();
      this.expect(",");
      if (word === "family") {
        if (annotations.length > 0) this.fail("annotations on a family");
        this.skip();
        const m = /^\d+/.exec(this.text.slice(this.pos));
        if (m === null) this.fail("expected the family's cache size");
        this.pos += m[0].length;
        this.expect(")");
        this.expect("=");
        const members = this.nameList();
        this.expect(";");
        defs.push({ kind: "family", name, cacheSize: Number(m[0]), members, line });
      } else if (word === "pseudo") {
        this.expect("(");
        const eff = this.effect(this.balanced("(", ")"));
        this.expect(",");
        this.expect("(");
        const flags = this.balanced("(", ")").split(/\s+/).filter((s) => s !== "");
        this.expect(")");
        this.expect("=");
        const targets = this.nameList();
        this.expect(";");
        defs.push({ kind: "pseudo", name, inputs: eff.inputs, outputs: eff.outputs, flags, targets, line });
      } else {
        this.expect("(");
        const eff = this.effect(this.balanced("(", ")"));
        this.expect(")");
        let body: string | null = null;
        if (this.accept("{")) body = this.balanced("{", "}");
        else this.expect(";");
        defs.push({ kind: "inst", name, annotations, ...eff, body, line });
      }
    }
  }
}

/** Splits a comma-separated item list, ignoring commas inside brackets. */
function splitItems(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const c of s) {
    if (c === "[" || c === "(") depth++;
    else if (c === "]" || c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else {
      cur += c;
    }
  }
  if (cur.trim() !== "") out.push(cur.trim());
  return out.filter((x) => x !== "");
}

export function parseDefinitions(text: string, filename: string): Definition[] {
  return new DefParser(text, filename).parse();
}
