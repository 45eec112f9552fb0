// Structural stress cases: deep nesting and huge literals, each a function of a size.

export interface Shape {
  name: string;
  make: (n: number) => string;
}

/** Indented nesting is quadratic in size; past 3000 levels it is the same error anyway. */
const MAX_INDENT_NEST = 3000;

function indentNest(n: number, header: (i: number) => string, leaf: string): string {
  n = Math.min(n, MAX_INDENT_NEST);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(" ".repeat(i) + header(i) + "\n");
  parts.push(" ".repeat(n) + leaf + "\n");
  return parts.join("");
}

function fstringNest(n: number): string {
  // f-strings nest by alternating quotes (PEP 701 allows re-using them)
  let s = "1";
  for (let i = 0; i < n; i++) s = `f"{${s}}"`;
  return `x = ${s}\n`;
}

export const SHAPES: readonly Shape[] = [
  { name: "parens", make: (n) => `x = ${"(".repeat(n)}1${")".repeat(n)}\n` },
  { name: "lists", make: (n) => `x = ${"[".repeat(n)}${"]".repeat(n)}\n` },
  { name: "dicts", make: (n) => `x = ${"{1: ".repeat(n)}1${"}".repeat(n)}\n` },
  { name: "tuples", make: (n) => `x = ${"(1, ".repeat(n)}1${")".repeat(n)}\n` },
  { name: "unclosed parens", make: (n) => `x = ${"(".repeat(n)}\n` },
  { name: "unmatched closers", make: (n) => `x = 1${")".repeat(n)}\n` },
  { name: "unary minus", make: (n) => `x = ${"-".repeat(n)}1\n` },
  { name: "unary not", make: (n) => `x = ${"not ".repeat(n)}1\n` },
  { name: "unary invert", make: (n) => `x = ${"~".repeat(n)}1\n` },
  { name: "await chain", make: (n) => `async def f():\n    return ${"await ".repeat(n)}x\n` },
  { name: "binary add", make: (n) => `x = ${Array(n + 1).fill("a").join(" + ")}\n` },
  { name: "binary pow", make: (n) => `x = ${Array(n + 1).fill("2").join("**")}\n` },
  { name: "constant fold", make: (n) => `x = ${Array(n + 1).fill("1").join(" + ")}\n` },
  { name: "bool and", make: (n) => `x = ${Array(n + 1).fill("a").join(" and ")}\n` },
  { name: "compare chain", make: (n) => `x = ${Array(n + 1).fill("a").join(" < ")}\n` },
  { name: "attribute chain", make: (n) => `x = a${".b".repeat(n)}\n` },
  { name: "subscript chain", make: (n) => `x = a${"[0]".repeat(n)}\n` },
  { name: "call chain", make: (n) => `x = f${"()".repeat(n)}\n` },
  { name: "nested calls", make: (n) => `x = ${"f(".repeat(n)}${")".repeat(n)}\n` },
  { name: "conditional chain", make: (n) => `x = ${"a if b else ".repeat(n)}c\n` },
  { name: "string concat", make: (n) => `x = ${"'a' ".repeat(n)}\n` },
  { name: "fstring concat", make: (n) => `x = ${"f'{a}' ".repeat(n)}\n` },
  { name: "nested fstrings", make: fstringNest },
  { name: "fstring format spec nest", make: (n) => `x = f'{a:${"{b:".repeat(n)}${"}".repeat(n)}}'\n` },
  { name: "nested lambdas", make: (n) => `f = ${"lambda x: ".repeat(n)}x\n` },
  { name: "nested defs", make: (n) => indentNest(n, () => "def f():", "return x") },
  { name: "nested classes", make: (n) => indentNest(n, (i) => `class C${i}:`, "x = __class__") },
  { name: "nested ifs", make: (n) => indentNest(n, () => "if x:", "pass") },
  { name: "nested fors", make: (n) => indentNest(n, (i) => `for i${i} in x:`, "break") },
  { name: "nested trys", make: (n) => indentNest(n, () => "try:", "pass") },
  { name: "nested withs", make: (n) => indentNest(n, () => "with a as b:", "pass") },
  { name: "elif chain", make: (n) => `if a:\n    pass\n${"elif a:\n    pass\n".repeat(n)}` },
  { name: "nested comprehensions", make: (n) => `x = ${"[x for x in ".repeat(n)}y${"]".repeat(n)}\n` },
  { name: "nested genexps", make: (n) => `x = ${"(x for x in ".repeat(n)}y${")".repeat(n)}\n` },
  { name: "deep targets", make: (n) => `${"(".repeat(n)}a${",)".repeat(n)} = b\n` },
  { name: "star targets", make: (n) => `${"[*".repeat(n)}a${"]".repeat(n)} = b\n` },
  { name: "walrus chain", make: (n) => `x = ${"(a := ".repeat(n)}1${")".repeat(n)}\n` },
  { name: "decorators", make: (n) => `${"@d\n".repeat(n)}def f(): pass\n` },
  { name: "many args", make: (n) => `f(${Array(n).fill("a").join(", ")})\n` },
  { name: "many params", make: (n) => `def f(${Array.from({ length: n }, (_, i) => `a${i}`).join(", ")}): pass\n` },
  { name: "many kwargs", make: (n) => `f(${Array.from({ length: n }, (_, i) => `k${i}=1`).join(", ")})\n` },
  { name: "big list literal", make: (n) => `x = [${Array(n).fill("1").join(", ")}]\n` },
  { name: "big dict literal", make: (n) => `x = {${Array.from({ length: n }, (_, i) => `${i}: a`).join(", ")}}\n` },
  { name: "many statements", make: (n) => "x = 1\n".repeat(n) },
  { name: "many locals", make: (n) => `def f():\n${Array.from({ length: n }, (_, i) => `    v${i} = ${i}\n`).join("")}` },
  { name: "many names", make: (n) => Array.from({ length: n }, (_, i) => `n${i}\n`).join("") },
  { name: "nested match patterns", make: (n) => `match x:\n    case ${"[".repeat(n)}a${"]".repeat(n)}:\n        pass\n` },
  { name: "or patterns", make: (n) => `match x:\n    case ${Array(n).fill("1").join(" | ")}:\n        pass\n` },
  { name: "type params", make: (n) => `def f[${Array.from({ length: n }, (_, i) => `T${i}`).join(", ")}](): pass\n` },
  { name: "nested annotations", make: (n) => `x: ${"list[".repeat(n)}int${"]".repeat(n)}\n` },
  { name: "line continuations", make: (n) => `x = 1${" \\\n+ 1".repeat(n)}\n` },
  { name: "long int", make: (n) => `x = ${"7".repeat(n)}\n` },
  { name: "long hex int", make: (n) => `x = 0x${"f".repeat(n)}\n` },
  { name: "long float", make: (n) => `x = ${"9".repeat(n)}.5e${n}\n` },
  { name: "long imaginary", make: (n) => `x = 1${"0".repeat(n)}j\n` },
  { name: "long string", make: (n) => `x = '${"a".repeat(n)}'\n` },
  { name: "long escaped string", make: (n) => `x = '${"\\x41\\u00e9\\N{BULLET}".repeat(Math.ceil(n / 20))}'\n` },
  { name: "long bytes", make: (n) => `x = b'${"\\xff".repeat(Math.ceil(n / 4))}'\n` },
  { name: "long name", make: (n) => `${"a".repeat(n)} = 1\n` },
  { name: "long comment", make: (n) => `# ${"c".repeat(n)}\nx = 1\n` },
  { name: "long line of semicolons", make: (n) => `${"x = 1; ".repeat(n)}\n` },
  { name: "huge int expression", make: (n) => `x = 10 ** ${n}\n` },
  { name: "huge repeat", make: (n) => `x = 'ab' * ${n}\n` },
  { name: "huge shift", make: (n) => `x = 1 << ${n}\n` },
  { name: "huge tuple repeat", make: (n) => `x = (1,) * ${n}\n` },
  { name: "many blank lines", make: (n) => "\n".repeat(n) + "x\n" },
  { name: "deep indentation same level", make: (n) => `if x:\n${" ".repeat(n)}pass\n` },
];

/** Sizes, from shallow to the 100000 the brief asks for. */
export const SIZES: readonly number[] = [10, 30, 100, 199, 201, 1000, 3000, 10_000, 100_000];
/** Long-literal sizes (characters): up to a million digits. */
export const LITERAL_SIZES: readonly number[] = [100, 4300, 4301, 100_000, 1_000_000];

const LITERAL = new Set(["long int", "long hex int", "long float", "long imaginary", "long string", "long escaped string", "long bytes", "long name", "long comment"]);

export interface StructuralCase {
  name: string;
  /** Made on demand: some are megabytes. */
  source: () => string;
}

/**
 * Every (shape, size) pair with size at most `maxSize`, ordered so that any run of consecutive
 * cases mixes shapes and sizes: round j gives each shape i its size number (i + j) mod (its size
 * count), skipping pairs already given.
 */
export function structuralCases(maxSize: number): StructuralCase[] {
  const perShape = SHAPES.map((s) => (LITERAL.has(s.name) ? LITERAL_SIZES : SIZES).filter((n) => n <= maxSize));
  const rounds = Math.max(...perShape.map((l) => l.length));
  const out: StructuralCase[] = [];
  const seen = new Set<string>();
  for (let j = 0; j < rounds; j++) {
    for (let i = 0; i < SHAPES.length; i++) {
      const sizes = perShape[i]!;
      if (sizes.length === 0) continue;
      const size = sizes[(i + j) % sizes.length]!;
      const name = `${SHAPES[i]!.name} x${size}`;
      if (seen.has(name)) continue;
      seen.add(name);
      const make = SHAPES[i]!.make;
      out.push({ name, source: () => make(size) });
    }
  }
  return out;
}
