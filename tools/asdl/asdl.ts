// CPython: Parser/asdl.py (the ASDL reader). Ours is a small hand-written scanner and
// recursive-descent parser for the subset of ASDL that Parser/Python.asdl uses.

/** One field of a constructor or product: `type name`, `type? name`, `type* name`. */
export interface Field {
  type: string;
  name: string;
  opt: boolean;
  seq: boolean;
}

export interface Constructor {
  name: string;
  fields: Field[];
}

/** `name = A(...) | B | ... attributes (...)` */
export interface Sum {
  kind: "sum";
  name: string;
  constructors: Constructor[];
  attributes: Field[];
}

/** `name = (fields) attributes (...)` */
export interface Product {
  kind: "product";
  name: string;
  fields: Field[];
  attributes: Field[];
}

export type Definition = Sum | Product;

export interface Module {
  name: string;
  definitions: Definition[];
}

export const builtinTypes = new Set(["identifier", "string", "int", "constant"]);

type Tok = { t: "id" | "punct"; v: string; line: number };

function scan(text: string): Tok[] {
  const toks: Tok[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      i++;
    } else if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (c === "-" && text[i + 1] === "-") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      toks.push({ t: "id", v: text.slice(i, j), line });
      i = j;
    } else if ("{}()=|,?*".includes(c)) {
      toks.push({ t: "punct", v: c, line });
      i++;
    } else {
      throw new Error(`ASDL line ${line}: unexpected character ${JSON.stringify(c)}`);
    }
  }
  return toks;
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }

  private fail(what: string): never {
    const t = this.peek();
    throw new Error(`ASDL line ${t ? t.line : "EOF"}: expected ${what}, got ${t ? JSON.stringify(t.v) : "end of file"}`);
  }

  private id(): string {
    const t = this.peek();
    if (t === undefined || t.t !== "id") this.fail("a name");
    this.pos++;
    return t.v;
  }

  private punct(v: string): void {
    const t = this.peek();
    if (t === undefined || t.t !== "punct" || t.v !== v) this.fail(JSON.stringify(v));
    this.pos++;
  }

  private at(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.v === v;
  }

  module(): Module {
    if (this.id() !== "module") this.fail('"module"');
    const name = this.id();
    this.punct("{");
    const definitions: Definition[] = [];
    while (!this.at("}")) definitions.push(this.definition());
    this.punct("}");
    if (this.peek() !== undefined) this.fail("end of file");
    return { name, definitions };
  }

  private definition(): Definition {
    const name = this.id();
    this.punct("=");
    if (this.at("(")) {
      const fields = this.fields();
      return { kind: "product", name, fields, attributes: this.attributes() };
    }
    const constructors: Constructor[] = [];
    for (;;) {
      const cname = this.id();
      constructors.push({ name: cname, fields: this.at("(") ? this.fields() : [] });
      if (!this.at("|")) break;
      this.punct("|");
    }
    return { kind: "sum", name, constructors, attributes: this.attributes() };
  }

  private attributes(): Field[] {
    if (!this.at("attributes")) return [];
    this.pos++;
    return this.fields();
  }

  private fields(): Field[] {
    this.punct("(");
    const fields: Field[] = [];
    for (;;) {
      const type = this.id();
      let opt = false;
      let seq = false;
      if (this.at("?")) {
        this.pos++;
        opt = true;
      } else if (this.at("*")) {
        this.pos++;
        seq = true;
      }
      fields.push({ type, name: this.id(), opt, seq });
      if (this.at(")")) break;
      this.punct(",");
    }
    this.punct(")");
    return fields;
  }
}

/** Parses an ASDL module and checks that every field type is defined or built in. */
export function parseAsdl(text: string): Module {
  const mod = new Parser(scan(text)).module();
  const defined = new Set(mod.definitions.map((d) => d.name));
  for (const d of mod.definitions) {
    const all = d.kind === "sum" ? d.constructors.flatMap((c) => c.fields) : d.fields;
    for (const f of [...all, ...d.attributes]) {
      if (!defined.has(f.type) && !builtinTypes.has(f.type)) {
        throw new Error(`ASDL: ${d.name}.${f.name} has undefined type ${f.type}`);
      }
    }
  }
  return mod;
}
