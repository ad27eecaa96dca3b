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

/// Text for date layouts, values and durations: Go's layout elements, digits, signs, units and
/// zone names among arbitrary bytes, so parsing gets past the first element often.
fn date_text() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        go_string(),
        prop::sample::select(vec![
            "2006",
            "06",
            "01",
            "1",
            "Jan",
            "January",
            "02",
            "_2",
            "2",
            "002",
            "__2",
            "15",
            "3",
            "03",
            "04",
            "4",
            "05",
            "5",
            "PM",
            "pm",
            "MST",
            "Z07:00",
            "-0700",
            "-07:00:00",
            "Z0700",
            ".000",
            ".999999999",
            ",000",
            "Mon",
            "Monday",
            "T",
            " ",
            ":",
            "-",
            "+",
            ".",
            "h",
            "m",
            "s",
            "ms",
            "µs",
            "ns",
            "9999",
            "0",
            "1e9",
            "Europe/Berlin",
            "UTC",
            "Local",
            "../x",
            "2562047h",
            "9223372036854775807",
            "日本",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
        (0u32..100_000).prop_map(|n| n.to_string().into_bytes()),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

/// Renders a template that must parse (its arguments are escaped literals), so a typo in a
/// property cannot make it test nothing.
fn render_valid(src: &str) {
    let t = Template::parse("fuzz", src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let _ = t.render(&Data::nil());
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

    /// Date parsing and formatting take layouts, values, durations and zone names from users and
    /// from cluster objects: any text, any Unix time.
    #[test]
    fn date_functions_never_panic(
        layout in date_text(),
        value in date_text(),
        other in date_text(),
        secs in any::<i64>(),
    ) {
        let (l, v, o) = (literal(&layout), literal(&value), literal(&other));
        let t = format!("(toDate {l} {v})");
        render_valid(&format!("{{{{ {t} }}}}"));
        render_valid(&format!("{{{{ {t} | date {o} }}}}"));
        render_valid(&format!("{{{{ {t}.Format {o} }}}}"));
        render_valid(&format!("{{{{ {t}.Month }}}} {{{{ {t}.Weekday }}}} {{{{ {t}.UnixNano }}}} {{{{ {t}.YearDay }}}}"));
        render_valid(&format!("{{{{ {t} | dateModify {o} | date {l} }}}}"));
        render_valid(&format!("{{{{ toDate \"2006\" \"9999\" | dateModify {o} | unixEpoch }}}}"));
        render_valid(&format!("{{{{ dateInZone {l} {secs} {o} }}}}"));
        render_valid(&format!("{{{{ date_in_zone {l} (int64 {secs}) {o} }}}}"));
        render_valid(&format!("{{{{ htmlDateInZone {t} {o} }}}}"));
        render_valid(&format!("{{{{ htmlDate {secs} }}}} {{{{ ago {secs} }}}} {{{{ ago {t} }}}} {{{{ unixEpoch {t} }}}}"));
        render_valid(&format!("{{{{ date {l} {secs} }}}} {{{{ date {l} {t} }}}}"));
        // `duration` is sprig v3 only: refused at parse time, whatever its argument.
        render(&format!("{{{{ duration {v} }}}}"));
    }

    /// Template source itself may be any text: the lexer and parser must never panic either.
    #[test]
    fn any_template_source_never_panics(src in "(\\{\\{|\\}\\}|[-|()$.\"'`a-z0-9 ]|\\PC){0,60}") {
        render(&src);
    }
}
