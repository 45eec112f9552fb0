// Object model and builtins against CPython 3.14: each case is a Python expression (the key) and the
// same computation through tython's C-API counterparts; expected reprs / exception messages come from
// test/golden/objects/abstract.json (made by test/golden/objects/make_abstract_golden.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { builtinsDict } from "../../src/python/bltinmodule.js";
import * as A from "../../src/objects/abstract.js";
import { type PyObject, Py_None, Py_TYPE, Py_LT, Py_EQ } from "../../src/objects/object.js";
import { PyTuple } from "../../src/objects/tupleobject.js";
import { PyFloat } from "../../src/objects/floatobject.js";
import { PyBaseException } from "../../src/objects/exceptions.js";

const golden: Record<string, string> = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../test/golden/objects/abstract.json", import.meta.url)), "utf8"),
);

const B = (n: string): PyObject => builtinsDict.getStr(n) as PyObject;
const call = (f: string | PyObject, ...a: PyObject[]): PyObject =>
  A.PyObject_Vectorcall(typeof f === "string" ? B(f) : f, a, 0, a.length, null);
const callkw = (f: string, a: PyObject[], kw: Record<string, PyObject>): PyObject =>
  A.PyObject_Vectorcall(B(f), [...a, ...Object.values(kw)], 0, a.length, new PyTuple(Object.keys(kw)));
const meth = (o: PyObject, name: string, ...a: PyObject[]): PyObject => A.PyObject_CallMethod(o, name, ...a);
const f = (x: number): PyFloat => new PyFloat(x);
const t = (...items: PyObject[]): PyTuple => new PyTuple(items);
const list = (...items: PyObject[]): PyObject => call("list", t(...items));

const cases: Record<string, () => PyObject> = {
  "7 // 2": () => A.PyNumber_FloorDivide(7, 2),
  "-7 // 2": () => A.PyNumber_FloorDivide(-7, 2),
  "-7 % 3": () => A.PyNumber_Remainder(-7, 3),
  "7 % -3": () => A.PyNumber_Remainder(7, -3),
  "2 ** 100": () => A.PyNumber_Power(2, 100),
  "2 ** -2": () => A.PyNumber_Power(2, -2),
  "(-3) ** 3": () => A.PyNumber_Power(-3, 3),
  "pow(3, -1, 7)": () => call("pow", 3, -1, 7),
  "pow(2, 10, 1000)": () => call("pow", 2, 10, 1000),
  "1 / 3": () => A.PyNumber_TrueDivide(1, 3),
  "10**30 / 7": () => A.PyNumber_TrueDivide(10n ** 30n, 7),
  "(2**64 + 1) / 2": () => A.PyNumber_TrueDivide(2n ** 64n + 1n, 2),
  "1 / 0": () => A.PyNumber_TrueDivide(1, 0),
  "1 // 0": () => A.PyNumber_FloorDivide(1, 0),
  "2**53 + 1": () => A.PyNumber_Add(2 ** 53, 1),
  "2**62 - 2**62": () => A.PyNumber_Subtract(2n ** 62n, 2n ** 62n),
  "-(2**53)": () => A.PyNumber_Negative(A.PyNumber_Power(2, 53)),
  "~5": () => A.PyNumber_Invert(5),
  "1 << 70": () => A.PyNumber_Lshift(1, 70),
  "-1 >> 3": () => A.PyNumber_Rshift(-1, 3),
  "(2**70) >> 68": () => A.PyNumber_Rshift(2n ** 70n, 68),
  "1 << -1": () => A.PyNumber_Lshift(1, -1),
  "-5 & 0xff": () => A.PyNumber_And(-5, 0xff),
  "(2**64) | 1": () => A.PyNumber_Or(2n ** 64n, 1),
  "True + True": () => A.PyNumber_Add(true, true),
  "True & False": () => A.PyNumber_And(true, false),
  "1 + 'a'": () => A.PyNumber_Add(1, "a"),
  "'a' + 1": () => A.PyNumber_Add("a", 1),
  "[] + ()": () => A.PyNumber_Add(list(), t()),
  "'ab' * 3": () => A.PyNumber_Multiply("ab", 3),
  "3 * [1]": () => A.PyNumber_Multiply(3, list(1)),
  "'a' * 1.5": () => A.PyNumber_Multiply("a", f(1.5)),
  "-'a'": () => A.PyNumber_Negative("a"),
  "1.5 + 1": () => A.PyNumber_Add(f(1.5), 1),
  "7.5 // 2": () => A.PyNumber_FloorDivide(f(7.5), 2),
  "-7.5 % 2": () => A.PyNumber_Remainder(f(-7.5), 2),
  "divmod(-7.5, 2)": () => call("divmod", f(-7.5), 2),
  "divmod(-7, 2)": () => call("divmod", -7, 2),
  "1.0 / 0": () => A.PyNumber_TrueDivide(f(1), 0),
  "0.0 ** -1": () => A.PyNumber_Power(f(0), -1),
  "2.0 ** 0.5": () => A.PyNumber_Power(f(2), f(0.5)),
  "(-8.0) ** (1/3)": () => A.PyNumber_Power(f(-8), f(1 / 3)),
  "round(2.675, 2)": () => call("round", f(2.675), 2),
  "round(2.5)": () => call("round", f(2.5)),
  "round(-0.5)": () => call("round", f(-0.5)),
  "round(12345, -2)": () => call("round", 12345, -2),
  "round(0.125, 2)": () => call("round", f(0.125), 2),
  "int(1e20)": () => call("int", f(1e20)),
  "int('  -1_000 ')": () => call("int", "  -1_000 "),
  "int('0x1f', 0)": () => call("int", "0x1f", 0),
  "int('ff', 16)": () => call("int", "ff", 16),
  "int('1_')": () => call("int", "1_"),
  "int('010', 0)": () => call("int", "010", 0),
  "int('9', base=40)": () => callkw("int", ["9"], { base: 40 }),
  "float('1e400')": () => call("float", "1e400"),
  "float(' -inf ')": () => call("float", " -inf "),
  "float('x')": () => call("float", "x"),
  "1 < 'a'": () => A.PyObject_RichCompare(1, "a", Py_LT),
  "1 == 1.0": () => A.PyObject_RichCompare(1, f(1), Py_EQ),
  "2**60 == 2.0**60": () => A.PyObject_RichCompare(2n ** 60n, f(2 ** 60), Py_EQ),
  "(1, 2) < (1, 3)": () => A.PyObject_RichCompare(t(1, 2), t(1, 3), Py_LT),
  "'\\uffff' < '\\U00010000'": () => A.PyObject_RichCompare("\uffff", "\u{10000}", Py_LT),
  "hash(-1)": () => call("hash", -1),
  "hash((1, 2))": () => call("hash", t(1, 2)),
  "hash(())": () => call("hash", t()),
  "hash(1.5)": () => call("hash", f(1.5)),
  "hash(2**100)": () => call("hash", 2n ** 100n),
  "hash([])": () => call("hash", list()),
  "len('h\\U0001f600llo')": () => call("len", "h\u{1f600}llo"),
  "len(1, 2)": () => call("len", 1, 2),
  "len(1)": () => call("len", 1),
  "'h\\U0001f600llo'[1]": () => A.PyObject_GetItem("h\u{1f600}llo", 1),
  "'hello'[::-2]": () => A.PyObject_GetItem("hello", call("slice", Py_None, Py_None, -2)),
  "'abc'[5]": () => A.PyObject_GetItem("abc", 5),
  "'abc'[1.5]": () => A.PyObject_GetItem("abc", f(1.5)),
  "[1, 2]['a']": () => A.PyObject_GetItem(list(1, 2), "a"),
  "(1,)[5]": () => A.PyObject_GetItem(t(1), 5),
  "1[0]": () => A.PyObject_GetItem(1, 0),
  "iter(1)": () => A.PyObject_GetIter(1),
  "1 in 1": () => A.PySequence_Contains(1, 1),
  "list(range(10, 0, -3))": () => call("list", call("range", 10, 0, -3)),
  "range(0, 10**20, 3)[10**18]": () => A.PyObject_GetItem(call("range", 0, 10n ** 20n, 3), 10n ** 18n),
  "range(10)[2:8:3]": () => A.PyObject_GetItem(call("range", 10), call("slice", 2, 8, 3)),
  "sorted('hello', reverse=True)": () => callkw("sorted", ["hello"], { reverse: true }),
  "sorted([], x=1)": () => callkw("sorted", [list()], { x: 1 }),
  "min()": () => call("min"),
  "max([], default=None)": () => callkw("max", [list()], { default: Py_None }),
  "min([])": () => call("min", list()),
  "sum([1.5, 2, 0.1, 0.2])": () => call("sum", list(f(1.5), 2, f(0.1), f(0.2))),
  "sum([], 'a')": () => call("sum", list(), "a"),
  "dict(zip('abc', range(3)))": () => call("dict", call("zip", "abc", call("range", 3))),
  "dict([(1, 2, 3)])": () => call("dict", list(t(1, 2, 3))),
  "{1: 'a', 1.0: 'b', True: 'c'}": () => {
    const d = call("dict");
    A.PyObject_SetItem(d, 1, "a");
    A.PyObject_SetItem(d, f(1), "b");
    A.PyObject_SetItem(d, true, "c");
    return d;
  },
  "{}[[]]": () => A.PyObject_GetItem(call("dict"), list()),
  "{}.pop(1)": () => meth(call("dict"), "pop", 1),
  "list(enumerate('ab', 1))": () => call("list", call("enumerate", "ab", 1)),
  "list(reversed([1, 2, 3]))": () => call("list", call("reversed", list(1, 2, 3))),
  "reversed(1)": () => call("reversed", 1),
  "list(map(abs, [-1, 2]))": () => call("list", call("map", B("abs"), list(-1, 2))),
  "list(filter(None, [0, 1, '', 'a']))": () => call("list", call("filter", Py_None, list(0, 1, "", "a"))),
  "map(len)": () => call("map", B("len")),
  "chr(0x1f600)": () => call("chr", 0x1f600),
  "chr(-1)": () => call("chr", -1),
  "ord('ab')": () => call("ord", "ab"),
  "hex(-255)": () => call("hex", -255),
  "bin(10)": () => call("bin", 10),
  "oct(8)": () => call("oct", 8),
  "hex(1.5)": () => call("hex", f(1.5)),
  "abs(-2**70)": () => call("abs", -(2n ** 70n)),
  "abs('a')": () => call("abs", "a"),
  "isinstance(True, int)": () => call("isinstance", true, B("int")),
  "isinstance(1, 2)": () => call("isinstance", 1, 2),
  "issubclass(bool, (str, int))": () => call("issubclass", B("bool"), t(B("str"), B("int"))),
  "getattr(1, 'x')": () => call("getattr", 1, "x"),
  "getattr(1, 'x', 5)": () => call("getattr", 1, "x", 5),
  "setattr(1, 'x', 2)": () => call("setattr", 1, "x", 2),
  "int.y": () => A.PyObject_GetAttr(B("int"), "y"),
  "(5).real": () => A.PyObject_GetAttr(5, "real"),
  "int.__add__(1, 2)": () => call(A.PyObject_GetAttr(B("int"), "__add__"), 1, 2),
  "'a'.upper(1)": () => meth("a", "upper", 1),
  "[].append()": () => meth(list(), "append"),
  "'a'.split(1, 2, 3)": () => meth("a", "split", 1, 2, 3),
  "'a'.replace('a')": () => meth("a", "replace", "a"),
  "'a'.startswith()": () => meth("a", "startswith"),
  "' a  b '.split()": () => meth(" a  b ", "split"),
  "'a,b,,c'.split(',', 2)": () => meth("a,b,,c", "split", ",", 2),
  "'a,b,,c'.rsplit(',', 2)": () => meth("a,b,,c", "rsplit", ",", 2),
  "'xxhixx'.strip('x')": () => meth("xxhixx", "strip", "x"),
  "'-'.join(['a', 'b'])": () => meth("-", "join", list("a", "b")),
  "'-'.join([1])": () => meth("-", "join", list(1)),
  "'hello'.find('l', 3)": () => meth("hello", "find", "l", 3),
  "'hello'.index('z')": () => meth("hello", "index", "z"),
  "'aaa'.replace('a', 'b', 2)": () => meth("aaa", "replace", "a", "b", 2),
  "'ab'.center(7, '*')": () => meth("ab", "center", 7, "*"),
  "'-42'.zfill(6)": () => meth("-42", "zfill", 6),
  "'hello world'.title()": () => meth("hello world", "title"),
  "'a\\tb'.expandtabs(4)": () => meth("a\tb", "expandtabs", 4),
  "'a\\nb\\r\\nc'.splitlines(True)": () => meth("a\nb\r\nc", "splitlines", true),
  "'%5.2f|%-4d|%s|%r|%x' % (3.14159, 42, 'x', 'y', 255)": () =>
    A.PyNumber_Remainder("%5.2f|%-4d|%s|%r|%x", t(f(3.14159), 42, "x", "y", 255)),
  "'%d' % 'a'": () => A.PyNumber_Remainder("%d", "a"),
  "'%s %s' % (1,)": () => A.PyNumber_Remainder("%s %s", t(1)),
  "'{:>8.3f}|{:,}|{!r}|{:x^9}'.format(3.14159, 1234567, 's', 'mid')": () =>
    meth("{:>8.3f}|{:,}|{!r}|{:x^9}", "format", f(3.14159), 1234567, "s", "mid"),
  "format(1234567.891, ',.2f')": () => call("format", f(1234567.891), ",.2f"),
  "format(0.000012345, 'g')": () => call("format", f(0.000012345), "g"),
  "format(1e16, '')": () => call("format", f(1e16), ""),
  "format(123.456, 'e')": () => call("format", f(123.456), "e"),
  "format(0.5, '%')": () => call("format", f(0.5), "%"),
  "format(255, '#010b')": () => call("format", 255, "#010b"),
  "format(-42, '+08,d')": () => call("format", -42, "+08,d"),
  "format('ab', 'd')": () => call("format", "ab", "d"),
  "format(1.5, '10.3')": () => call("format", f(1.5), "10.3"),
  "repr(ValueError('x', 1))": () => call("repr", call("ValueError", "x", 1)),
  "str(KeyError('k'))": () => call("str", call("KeyError", "k")),
  "str(OSError(2, 'No such file', 'f'))": () => call("str", call("OSError", 2, "No such file", "f")),
  "type(OSError(2, 'x'))": () => call("type", call("OSError", 2, "x")),
  "StopIteration(5).value": () => A.PyObject_GetAttr(call("StopIteration", 5), "value"),
  "ValueError.__mro__": () => A.PyObject_GetAttr(B("ValueError"), "__mro__"),
  "ValueError(x=1)": () => callkw("ValueError", [], { x: 1 }),
  "{1, 2} | {3}": () => A.PyNumber_Or(call("set", list(1, 2)), call("set", list(3))),
  "frozenset([1]) & {1, 2}": () => A.PyNumber_And(call("frozenset", list(1)), call("set", list(1, 2))),
  "repr(set())": () => call("repr", call("set")),
  "object().x": () => A.PyObject_GetAttr(call("object"), "x"),
  "object(1)": () => call("object", 1),
  "type(1, 2)": () => call("type", 1, 2),
  "bool(1, 2)": () => call("bool", 1, 2),
  "next(iter([]), 'd')": () => call("next", call("iter", list()), "d"),
  "next(1)": () => call("next", 1),
  "all([1, 0])": () => call("all", list(1, 0)),
  "any([])": () => call("any", list()),
  "callable(len)": () => call("callable", B("len")),
  "repr(len)": () => call("repr", B("len")),
  "repr(int.__add__)": () => call("repr", A.PyObject_GetAttr(B("int"), "__add__")),
  "repr(list.append)": () => call("repr", A.PyObject_GetAttr(B("list"), "append")),
  "str(1.0)": () => call("str", f(1)),
  "str(-0.0)": () => call("str", f(-0)),
  "repr(2**70)": () => call("repr", 2n ** 70n),
  "set([5, 1000, 33, 7, 64])": () => call("set", list(5, 1000, 33, 7, 64)),
  "set(range(20, 0, -1))": () => call("set", call("range", 20, 0, -1)),
  "set([1.5, 2.5, 0.5])": () => call("set", list(f(1.5), f(2.5), f(0.5))),
  "set([1, 2, 3]) & set([2, 3, 4])": () => A.PyNumber_And(call("set", list(1, 2, 3)), call("set", list(2, 3, 4))),
  "set([1, 2]) ^ set([2, 3])": () => A.PyNumber_Xor(call("set", list(1, 2)), call("set", list(2, 3))),
  "set([1, 2]) < set([1, 2, 3])": () => A.PyObject_RichCompare(call("set", list(1, 2)), call("set", list(1, 2, 3)), Py_LT),
  "set().pop()": () => meth(call("set"), "pop"),
  "hash(set())": () => call("hash", call("set")),
  "{}.get([])": () => meth(call("dict"), "get", list()),
  "bytes([104, 105]) + b'!'": () => A.PyNumber_Add(call("bytes", list(104, 105)), call("bytes", list(33))),
  "bytes(3)": () => call("bytes", 3),
  "bytes('h\xe9', 'utf-8')": () => call("bytes", "h\xe9", "utf-8"),
  "bytes('x')": () => call("bytes", "x"),
  "bytes([300])": () => call("bytes", list(300)),
  "bytes([65, 66])[0]": () => A.PyObject_GetItem(call("bytes", list(65, 66)), 0),
  "bytes([65, 66]).decode()": () => meth(call("bytes", list(65, 66)), "decode"),
  "bytes([255]).decode()": () => meth(call("bytes", list(255)), "decode"),
  "bytearray(b'ab')": () => call("bytearray", call("bytes", list(97, 98))),
  "bytes.fromhex('41 42')": () => call(A.PyObject_GetAttr(B("bytes"), "fromhex"), "41 42"),
  "complex(1, 2)": () => call("complex", 1, 2),
  "complex('1+2j')": () => call("complex", "1+2j"),
  "complex(1, 2) * complex(0, 1)": () => A.PyNumber_Multiply(call("complex", 1, 2), call("complex", 0, 1)),
  "abs(complex(3, 4))": () => call("abs", call("complex", 3, 4)),
  "repr(ExceptionGroup('eg', [ValueError(1), TypeError(2)]).split(ValueError))": () =>
    call("repr", meth(call("ExceptionGroup", "eg", list(call("ValueError", 1), call("TypeError", 2))), "split", B("ValueError"))),
  "ExceptionGroup('x', [])": () => call("ExceptionGroup", "x", list()),
  "str(ExceptionGroup('x', [ValueError(1), ValueError(2)]))": () => call("str", call("ExceptionGroup", "x", list(call("ValueError", 1), call("ValueError", 2)))),
  "type(BaseExceptionGroup('x', [ValueError()]))": () => call("type", call("BaseExceptionGroup", "x", list(call("ValueError")))),
  "repr(list[int])": () => call("repr", A.PyObject_GetItem(B("list"), B("int"))),
  "repr(dict[str, list[int]])": () => call("repr", A.PyObject_GetItem(B("dict"), t(B("str"), A.PyObject_GetItem(B("list"), B("int"))))),
  "'x' in int.__dict__": () => A.PySequence_Contains(A.PyObject_GetAttr(B("int"), "__dict__"), "x"),
  "type(int.__dict__)": () => call("type", A.PyObject_GetAttr(B("int"), "__dict__")),
  "int.from_bytes(bytes([1, 0]), 'big')": () => call(A.PyObject_GetAttr(B("int"), "from_bytes"), call("bytes", list(1, 0)), "big"),
  "int.from_bytes(bytes([255, 255]), 'little', signed=True)": () =>
    A.PyObject_Vectorcall(A.PyObject_GetAttr(B("int"), "from_bytes"), [call("bytes", list(255, 255)), "little", true], 0, 2, t("signed")),
  "(255).to_bytes(2, 'big')": () => meth(255, "to_bytes", 2, "big"),
  "'%(a)s-%(b)03d' % {'a': 'x', 'b': 7}": () => {
    const d = call("dict");
    A.PyObject_SetItem(d, "a", "x");
    A.PyObject_SetItem(d, "b", 7);
    return A.PyNumber_Remainder("%(a)s-%(b)03d", d);
  },
  "'{0}{1}{0}'.format('a', 'b')": () => meth("{0}{1}{0}", "format", "a", "b"),
  "'{:*^10}'.format('mid')": () => meth("{:*^10}", "format", "mid"),
  "'{}'.format()": () => meth("{}", "format"),
  "format(-0.0, '.1f')": () => call("format", f(-0), ".1f"),
  "format(1e-7, '')": () => call("format", f(1e-7), ""),
  "format(123456789, '_x')": () => call("format", 123456789, "_x"),
  "format(3.0, 'g')": () => call("format", f(3), "g"),
  "format(1234.5, '.3g')": () => call("format", f(1234.5), ".3g"),
  "format(0.1, '.20f')": () => call("format", f(0.1), ".20f"),
  "str(1e22)": () => call("str", f(1e22)),
  "float('1_000.5')": () => call("float", "1_000.5"),
  "int('١٢٣')": () => call("int", "١٢٣"),
  "'ß'.upper()": () => meth("ß", "upper"),
  "'ǆemal'.title()": () => meth("ǆemal", "title"),
  "'Hello World'.swapcase()": () => meth("Hello World", "swapcase"),
  "'abc'.isidentifier()": () => meth("abc", "isidentifier"),
  "'²'.isdigit()": () => meth("²", "isdigit"),
  "'²'.isdecimal()": () => meth("²", "isdecimal"),
  "'a\u2028b'.splitlines()": () => meth("a\u2028b", "splitlines"),
  "repr(int | str)": () => call("repr", A.PyNumber_Or(B("int"), B("str"))),
  "int | None": () => A.PyNumber_Or(B("int"), Py_None),
  "(int | str).__args__": () => A.PyObject_GetAttr(A.PyNumber_Or(B("int"), B("str")), "__args__"),
  "isinstance(True, int | str)": () => call("isinstance", true, A.PyNumber_Or(B("int"), B("str"))),
  "int | int": () => A.PyNumber_Or(B("int"), B("int")),
  "int | 3": () => A.PyNumber_Or(B("int"), 3),
  "float.__mro__": () => A.PyObject_GetAttr(B("float"), "__mro__"),
  "bool.__mro__": () => A.PyObject_GetAttr(B("bool"), "__mro__"),
};

function run(thunk: () => PyObject): string {
  try {
    return A.PyObject_Repr(thunk());
  } catch (e) {
    if (e instanceof PyBaseException) return `${Py_TYPE(e).tp_name}: ${A.PyObject_Str(e)}`;
    throw e;
  }
}

test("golden data covers every case", () => {
  for (const k of Object.keys(cases)) assert.ok(k in golden, `no golden result for ${k}; rerun the golden script`);
});

for (const [expr, thunk] of Object.entries(cases)) {
  test(expr, () => assert.equal(run(thunk), golden[expr]));
}
