// CPython: Parser/asdl_c.py's PyTypesDeclareVisitor / PyTypesVisitor (the Python-visible `_ast`
// classes). Ours writes one table of every node class and sum type: names, docs, fields with their
// ASDL types and qualifiers, attributes, and a factory per class that builds the TypeScript node,
// so src/ast/python_ast.ts creates the classes and converts trees both ways from data.
import { type Field, type Module, type Sum } from "./asdl.js";
import { HEADER } from "./gen_ts.js";

const RENAMED: Record<string, string> = { arguments: "arguments_" };
const tsName = (n: string): string => RENAMED[n] ?? n;

function isSimpleSum(d: Sum): boolean {
  return d.attributes.length === 0 && d.constructors.every((c) => c.fields.length === 0);
}

/** "identifier name, arguments args, stmt* body" as CPython's class docstrings write a field list. */
function fieldList(fields: Field[]): string {
  return fields.map((f) => `${f.type}${f.seq ? "*" : f.opt ? "?" : ""} ${f.name}`).join(", ");
}
function signature(name: string, fields: Field[]): string {
  return fields.length ? `${name}(${fieldList(fields)})` : name;
}

function fieldSpec(f: Field): string {
  return `{ name: ${JSON.stringify(f.name)}, type: ${JSON.stringify(f.type)}, q: ${f.seq ? 2 : f.opt ? 1 : 0} }`;
}

function factory(cls: string, fields: Field[], attrs: Field[]): string {
  const params = [...fields, ...attrs].map((_, i) => `v[${i}] as never`).join(", ");
  return `(v) => new A.${cls}(${params})`;
}

/** The text of src/ast/ast_schema.generated.ts. */
export function generateSchema(mod: Module): string {
  const out: string[] = [
    HEADER,
    "// CPython: Python/Python-ast.c (the _ast classes: init_types, ast2obj_*, obj2ast_*), as data.",
    "//",
    "// NODES: every concrete class (constructors and product types) in ASDL order; SUMS: the abstract",
    "// classes of sum types. A field's q is 0 (required), 1 (`?`: optional) or 2 (`*`: a sequence).",
    "// `make` builds the TypeScript node from the field values followed by the attribute values.",
    `import * as A from "./ast.generated.js";`,
    ``,
    `export interface FieldSpec {`,
    `  readonly name: string;`,
    `  /** The ASDL type: a builtin (identifier, string, int, constant) or a definition's name. */`,
    `  readonly type: string;`,
    `  readonly q: 0 | 1 | 2;`,
    `}`,
    `export interface NodeSpec {`,
    `  readonly name: string;`,
    `  readonly kind: A.Kind;`,
    `  /** The sum type it belongs to, or null for a product type. */`,
    `  readonly sum: string | null;`,
    `  readonly doc: string;`,
    `  readonly fields: readonly FieldSpec[];`,
    `  readonly attributes: readonly FieldSpec[];`,
    `  /** For the constructors of fieldless sums (operator, cmpop, ...): the TypeScript singleton. */`,
    `  readonly singleton: A.AST | null;`,
    `  readonly make: ((v: readonly unknown[]) => A.AST) | null;`,
    `}`,
    `export interface SumSpec {`,
    `  readonly name: string;`,
    `  readonly doc: string;`,
    `  readonly attributes: readonly FieldSpec[];`,
    `  readonly constructors: readonly string[];`,
    `  /** No constructor has fields and there are no attributes: the values are singletons. */`,
    `  readonly simple: boolean;`,
    `}`,
    ``,
    `export const SUMS: readonly SumSpec[] = [`,
  ];
  for (const d of mod.definitions) {
    if (d.kind !== "sum") continue;
    const pad = " ".repeat(d.name.length + 1);
    const alternatives = d.constructors.map((c) => signature(c.name, c.fields));
    const doc = `${d.name} = ` + alternatives.join(isSimpleSum(d) ? " | " : `\n${pad}| `);
    out.push(
      `  { name: ${JSON.stringify(d.name)}, doc: ${JSON.stringify(doc)}, attributes: [${d.attributes.map(fieldSpec).join(", ")}], ` +
        `constructors: ${JSON.stringify(d.constructors.map((c) => c.name))}, simple: ${isSimpleSum(d)} },`,
    );
  }
  out.push(`];`, ``, `export const NODES: readonly NodeSpec[] = [`);
  for (const d of mod.definitions) {
    if (d.kind === "sum") {
      const simple = isSimpleSum(d);
      for (const c of d.constructors) {
        out.push(
          `  { name: ${JSON.stringify(c.name)}, kind: A.Kind.${c.name}, sum: ${JSON.stringify(d.name)}, doc: ${JSON.stringify(signature(c.name, c.fields))}, ` +
            `fields: [${c.fields.map(fieldSpec).join(", ")}], attributes: [${d.attributes.map(fieldSpec).join(", ")}], ` +
            (simple ? `singleton: A.${c.name}, make: null },` : `singleton: null, make: ${factory(c.name, c.fields, d.attributes)} },`),
        );
      }
    } else {
      out.push(
        `  { name: ${JSON.stringify(d.name)}, kind: A.Kind.${d.name}, sum: null, doc: ${JSON.stringify(signature(d.name, d.fields))}, ` +
          `fields: [${d.fields.map(fieldSpec).join(", ")}], attributes: [${d.attributes.map(fieldSpec).join(", ")}], ` +
          `singleton: null, make: ${factory(tsName(d.name), d.fields, d.attributes)} },`,
      );
    }
  }
  out.push(`];`);
  return out.join("\n") + "\n";
}
