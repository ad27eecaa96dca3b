//! Property test: no template function that takes strings panics, whatever the bytes (invalid
//! UTF-8, multi-byte characters cut anywhere, combining marks) and whatever the counts (negative,
//! zero, larger than the string). A panic in the binary is an abort (`panic = "abort"`), so
//! every function must return a value or an error instead.

use kubectl_backup::template::{Data, Template};
use proptest::prelude::*;

/// Functions taking one string.
const ONE_STRING: &[&str] = &[
    "trim",
    "upper",
    "lower",
    "title",
    "untitle",
    "nospace",
    "initials",
    "swapcase",
    "snakecase",
    "camelcase",
    "kebabcase",
    "shuffle",
    "quote",
    "squote",
    "b64enc",
    "b64dec",
    "b32enc",
    "b32dec",
    "sha1sum",
    "sha256sum",
    "adler32sum",
    "toString",
    "base",
    "dir",
    "clean",
    "ext",
    "isAbs",
    "urlquery",
    "html",
    "js",
    "len",
    "print",
    "println",
    "toJson",
    "toPrettyJson",
    "atoi",
    "int",
    "int64",
    "float64",
    "toDecimal",
    "urlParse",
    "toStrings",
    "empty",
    "typeOf",
    "kindOf",
    "first",
    "cat",
    "semverCompare \">=1.0\"",
    "ago",
    "toDate \"2006-01-02\"",
    "splitList \"\"",
    "split \",\"",
    "fail",
];
/// Functions taking a count, then a string.
const COUNT_STRING: &[&str] = &[
    "trunc",
    "abbrev",
    "wrap",
    "repeat",
    "indent",
    "nindent",
    "plural \"a\" \"b\"",
];
/// Functions taking two strings.
const TWO_STRINGS: &[&str] = &[
    "trimAll",
    "trimPrefix",
    "trimSuffix",
    "contains",
    "hasPrefix",
    "hasSuffix",
    "split",
    "splitList",
    "regexMatch",
    "regexFind",
    "printf",
    "toDate",
    "date",
    "semverCompare",
    "eq",
    "ne",
    "lt",
    "default",
    "join",
    "dateInZone \"15:04\" 0",
];

/// A Go string literal holding exactly these bytes (every byte escaped, so the lexer sees ASCII
/// and the string carries whatever bytes were generated).
fn literal(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for b in bytes {
        out.push_str(&format!("\\x{b:02x}"));
    }
    out.push('"');
    out
}

/// Bytes mixing valid characters of every width with stray bytes, spaces and underscores.
fn go_string() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        any::<char>().prop_map(|c| c.to_string().into_bytes()),
        any::<u8>().prop_map(|b| vec![b]),
        Just(b" ".to_vec()),
        Just(b"_".to_vec()),
        Just("ß".as_bytes().to_vec()),
        Just("日本".as_bytes()[..4].to_vec()),
        Just(b"%s%x%q%5.2v".to_vec()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn render(src: &str) {
    // Ok or Err are both fine; only a panic fails the property.
    if let Ok(t) = Template::parse("fuzz", src) {
        let _ = t.render(&Data::nil());
        let _ = t.render_bytes(&Data::nil());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn one_string_functions_never_panic(s in go_string(), f in 0..ONE_STRING.len()) {
        render(&format!("{{{{ {} {} }}}}", ONE_STRING[f], literal(&s)));
        render(&format!("{{{{ {} | {} | toString | upper | b64enc }}}}", literal(&s), ONE_STRING[f]));
    }

    #[test]
    fn counted_functions_never_panic(s in go_string(), n in -40i64..400, f in 0..COUNT_STRING.len()) {
        render(&format!("{{{{ {} {n} {} }}}}", COUNT_STRING[f], literal(&s)));
    }

    #[test]
    fn ranged_functions_never_panic(s in go_string(), sep in go_string(), a in -40i64..200, b in -40i64..200) {
        let s = literal(&s);
        render(&format!("{{{{ substr {a} {b} {s} }}}}"));
        render(&format!("{{{{ abbrevboth {a} {b} {s} }}}}"));
        render(&format!("{{{{ wrapWith {a} {} {s} }}}}", literal(&sep)));
        render(&format!("{{{{ splitn {} {a} {s} }}}}", literal(&sep)));
        render(&format!("{{{{ regexFindAll \".\" {s} {a} }}}}"));
        render(&format!("{{{{ regexSplit \"\" {s} {b} }}}}"));
        render(&format!("{{{{ index {s} {a} }}}}"));
        render(&format!("{{{{ printf \"%.{}s|%{}x\" {s} {s} }}}}", a.rem_euclid(50), b.rem_euclid(50)));
    }

    #[test]
    fn two_string_functions_never_panic(x in go_string(), y in go_string(), z in go_string(), f in 0..TWO_STRINGS.len()) {
        let (x, y, z) = (literal(&x), literal(&y), literal(&z));
        render(&format!("{{{{ {} {x} {y} }}}}", TWO_STRINGS[f]));
        render(&format!("{{{{ replace {x} {y} {z} }}}}"));
        render(&format!("{{{{ regexReplaceAll {x} {y} {z} }}}}"));
        render(&format!("{{{{ regexReplaceAllLiteral \"[a-z]\" {y} {z} }}}}"));
    }

    /// Template source itself may be any text: the lexer and parser must never panic either.
    #[test]
    fn any_template_source_never_panics(src in "(\\{\\{|\\}\\}|[-|()$.\"'`a-z0-9 ]|\\PC){0,60}") {
        render(&src);
    }
}
