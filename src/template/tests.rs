//! Table-driven tests of Go template constructs, sprig functions and error positions. Expected
//! outputs follow Go's documented `text/template`, `fmt`, `encoding/json` and sprig semantics.

use serde_json::json;

use super::*;

fn data() -> Data {
    Data::from_json(&json!({
        "s": "hello",
        "empty": "",
        "n": 42,
        "neg": -7,
        "f": 1.5,
        "big": 1000000.0,
        "t": true,
        "no": false,
        "null": null,
        "list": ["a", "b", "c"],
        "nums": [3, 1, 2],
        "mixed": ["x", 1, null, true],
        "map": {"b": 2, "a": 1, "c": {"d": "deep"}},
        "emptyList": [],
        "emptyMap": {},
        "labels": {"app.kubernetes.io/instance": "pg", "app": "db"},
        "html": "<a href=\"x\">&</a>",
        "spaces": "  padded  ",
        "csv": "a,b,c",
    }))
}

fn ok(src: &str) -> String {
    r(src).unwrap_or_else(|e| panic!("{src:?}: {e}"))
}

/// Renders `src` against [`data`].
fn r(src: &str) -> Result<String, TemplateError> {
    render_str("t", src, &data())
}

#[test]
fn constructs() {
    let cases: &[(&str, &str)] = &[
        ("plain text", "plain text"),
        ("{{ .s }}", "hello"),
        ("{{.s}}", "hello"),
        ("a {{- .s -}} b", "ahellob"),
        ("a  \n {{- .s }}", "ahello"),
        ("{{ .s -}} \n\t x", "hellox"),
        ("{{- /* comment */ -}} x", "x"),
        ("a{{/* c */}}b", "ab"),
        ("{{ .map.c.d }}", "deep"),
        ("{{ .n }} {{ .neg }} {{ .f }} {{ .big }}", "42 -7 1.5 1e+06"),
        ("{{ .t }} {{ .no }}", "true false"),
        ("{{ .null }}", "<no value>"),
        ("{{ .list }}", "[a b c]"),
        ("{{ .mixed }}", "[x 1 <nil> true]"),
        ("{{ .map }}", "map[a:1 b:2 c:map[d:deep]]"),
        ("{{ .emptyList }} {{ .emptyMap }}", "[] map[]"),
        ("{{ index .labels \"app.kubernetes.io/instance\" }}", "pg"),
        ("{{ index .labels \"missing\" }}", "<no value>"),
        ("{{ index .list 1 }}", "b"),
        ("{{ index .map \"c\" \"d\" }}", "deep"),
        ("{{ (index .map \"c\").d }}", "deep"),
        ("{{ len .list }} {{ len .s }} {{ len .map }}", "3 5 3"),
        ("{{ if .t }}yes{{ end }}", "yes"),
        ("{{ if .no }}yes{{ else }}no{{ end }}", "no"),
        (
            "{{ if .no }}1{{ else if .empty }}2{{ else if .s }}3{{ end }}",
            "3",
        ),
        ("{{ if .emptyList }}x{{ else }}empty{{ end }}", "empty"),
        ("{{ if .null }}x{{ else }}nil{{ end }}", "nil"),
        ("{{ with .s }}{{ . }}!{{ end }}", "hello!"),
        ("{{ with .empty }}x{{ else }}none{{ end }}", "none"),
        (
            "{{ with .empty }}x{{ else with .s }}{{ . }}{{ end }}",
            "hello",
        ),
        ("{{ range .list }}<{{ . }}>{{ end }}", "<a><b><c>"),
        (
            "{{ range $i, $e := .list }}{{ $i }}={{ $e }};{{ end }}",
            "0=a;1=b;2=c;",
        ),
        (
            "{{ range $k, $v := .map }}{{ $k }}:{{ $v }} {{ end }}",
            "a:1 b:2 c:map[d:deep] ",
        ),
        ("{{ range .emptyList }}x{{ else }}none{{ end }}", "none"),
        (
            "{{ range .list }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}",
            "a",
        ),
        (
            "{{ range .list }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}",
            "ac",
        ),
        ("{{ range 3 }}{{ . }}{{ end }}", "012"),
        ("{{ $x := .s }}{{ $x }}", "hello"),
        ("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"),
        (
            "{{ $x := 1 }}{{ if true }}{{ $x = 3 }}{{ end }}{{ $x }}",
            "3",
        ),
        ("{{ with .map }}{{ $.s }} {{ .a }}{{ end }}", "hello 1"),
        ("{{ .s | printf \"%s!\" }}", "hello!"),
        ("{{ \"x\" | printf \"%s-%s\" \"y\" }}", "y-x"),
        ("{{ .s | upper | printf \"[%s]\" }}", "[HELLO]"),
        ("{{ (print .n) | len }}", "2"),
        ("{{ `raw \\n` }}", "raw \\n"),
        ("{{ \"esc\\t\\\"q\\\"\" }}", "esc\t\"q\""),
        (
            "{{ 'a' }} {{ 0x10 }} {{ 1e3 }} {{ 010 }} {{ -5 }}",
            "97 16 1000 8 -5",
        ),
        ("{{ 1.0 }} {{ 2.50 }}", "1 2.5"),
        ("{{ print nil }}", "<nil>"),
        ("{{ print 1 2 \"a\" \"b\" 3 }}", "1 2ab3"),
        ("{{ println 1 \"a\" }}", "1 a\n"),
        (
            "{{ printf \"%d %5.2f %q %v %x %-4s|\" 7 3.14159 \"hi\" .list 255 \"ab\" }}",
            "7  3.14 \"hi\" [a b c] ff ab  |",
        ),
        ("{{ printf \"%d\" \"x\" }}", "%!d(string=x)"),
        ("{{ printf \"%s %s\" \"x\" }}", "x %!s(MISSING)"),
        ("{{ printf \"%s\" \"x\" 1 }}", "x%!(EXTRA int=1)"),
        (
            "{{ printf \"%T %T %T\" 1 .f .map }}",
            "int float64 map[string]interface {}",
        ),
        (
            "{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" }} {{ or 0 \"x\" }}",
            "0 2  x",
        ),
        ("{{ not .t }} {{ not .empty }}", "false true"),
        (
            "{{ eq .s \"hello\" }} {{ eq .n 42 }} {{ eq .s \"a\" \"b\" \"hello\" }}",
            "true true true",
        ),
        (
            "{{ ne .n 1 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1 2 }}",
            "true true true true false",
        ),
        ("{{ eq .null .null }} {{ eq .null \"x\" }}", "true false"),
        (
            "{{ html .html }}",
            "&lt;a href=&#34;x&#34;&gt;&amp;&lt;/a&gt;",
        ),
        ("{{ js \"a'b\\\"<\" }}", "a\\'b\\\"\\u003C"),
        ("{{ urlquery \"a b&c=d/é\" }}", "a+b%26c%3Dd%2F%C3%A9"),
        (
            "{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" .s }}",
            "[hello]",
        ),
        ("{{ block \"b\" .n }}<{{ . }}>{{ end }}", "<42>"),
        (
            "{{ template \"y\" }}{{ define \"y\" }}Y{{ . }}{{ end }}",
            "Y<no value>",
        ),
        (
            "{{ $ }}",
            "map[big:1e+06 csv:a,b,c empty: emptyList:[] emptyMap:map[] f:1.5 html:<a href=\"x\">&</a> labels:map[app:db app.kubernetes.io/instance:pg] list:[a b c] map:map[a:1 b:2 c:map[d:deep]] mixed:[x 1 <nil> true] n:42 neg:-7 no:false null:<nil> nums:[3 1 2] s:hello spaces:  padded   t:true]",
        ),
        ("{{ index \"abc\" 1 }}", "98"),
        ("x{{\n.s\n}}y", "xhelloy"),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(src, want)| match r(src) {
            Ok(got) if got == *want => None,
            Ok(got) => Some(format!("{src:?}: got {got:?}, want {want:?}")),
            Err(e) => Some(format!("{src:?}: error {e}")),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// (template, line, column, kind, message fragment)
#[test]
fn errors_carry_positions() {
    use ErrorKind::*;
    let cases: &[(&str, usize, usize, ErrorKind, &str)] = &[
        (
            "{{ .nope }}",
            1,
            4,
            MissingKey,
            "map has no entry for key \"nope\"",
        ),
        (
            "ab\ncd {{ .map.c.zz }}",
            2,
            13,
            MissingKey,
            "map has no entry for key \"zz\"",
        ),
        (
            "{{ .map.c.d.e }}",
            1,
            12,
            NoSuchField,
            "can't evaluate field e in type string",
        ),
        (
            "{{ .null.x }}",
            1,
            9,
            NilPointer,
            "nil pointer evaluating interface {}.x",
        ),
        (
            "{{ nofunc 1 }}",
            1,
            4,
            UnknownFunction,
            "function \"nofunc\" not defined",
        ),
        (
            "x\n  {{ env \"HOME\" }}",
            2,
            6,
            UnknownFunction,
            "function \"env\" not defined (withheld",
        ),
        (
            "{{ .s | tojson }}",
            1,
            9,
            UnknownFunction,
            "function \"tojson\" not defined (did you mean \"toJson\"?)",
        ),
        ("{{ fromJson .s }}", 1, 4, UnknownFunction, "(sprig v3 only"),
        ("{{ .s ", 1, 1, Unterminated, "unclosed action"),
        ("abc {{ if .t }}x", 1, 17, Unterminated, "unexpected EOF"),
        (
            "{{ \"abc }}",
            1,
            4,
            Unterminated,
            "unterminated quoted string",
        ),
        (
            "{{ `abc }}",
            1,
            4,
            Unterminated,
            "unterminated raw quoted string",
        ),
        ("{{/* abc }}", 1, 1, Unterminated, "unclosed comment"),
        ("{{ end }}", 1, 4, Syntax, "unexpected {{end}}"),
        ("{{ else }}", 1, 4, Syntax, "unexpected {{else}}"),
        ("{{ break }}", 1, 4, Syntax, "{{break}} outside {{range}}"),
        (
            "{{ $x }}",
            1,
            4,
            UndefinedVariable,
            "undefined variable \"$x\"",
        ),
        ("{{ }}", 1, 4, Syntax, "missing value for command"),
        (
            "{{ .s | \"x\" }}",
            1,
            9,
            Syntax,
            "non executable command in pipeline stage 2",
        ),
        ("{{ 3x }}", 1, 4, Syntax, "bad number syntax"),
        (
            "{{ .s # }}",
            1,
            7,
            Syntax,
            "unrecognized character in action: U+0023 '#'",
        ),
        ("{{ (.s }}", 1, 8, Unterminated, "unclosed left paren"),
        ("{{ .s) }}", 1, 6, Syntax, "unexpected right paren"),
        (
            "{{ upper }}",
            1,
            4,
            WrongArgCount,
            "wrong number of args for upper: want 1 got 0",
        ),
        (
            "{{ .s | upper 1 }}",
            1,
            9,
            WrongArgCount,
            "wrong number of args for upper: want 1 got 2",
        ),
        (
            "{{ index }}",
            1,
            4,
            WrongArgCount,
            "wrong number of args for index: want at least 1 got 0",
        ),
        (
            "{{ upper 1 }}",
            1,
            10,
            WrongType,
            "wrong type for value; expected string; got int",
        ),
        (
            "{{ index .list 5 }}",
            1,
            4,
            FunctionFailed,
            "error calling index: index out of range: 5",
        ),
        (
            "{{ fail \"boom\" }}",
            1,
            4,
            FunctionFailed,
            "error calling fail: boom",
        ),
        (
            "{{ semverCompare \">= one\" \"1.0.0\" }}",
            1,
            4,
            FunctionFailed,
            "error calling semverCompare: improper constraint: >= one",
        ),
        (
            "{{ urlParse \":nope\" }}",
            1,
            4,
            FunctionFailed,
            "error calling urlParse: unable to parse url: parse \":nope\": missing protocol scheme",
        ),
        (
            "{{ urlJoin (dict \"host\" 5) }}",
            1,
            4,
            FunctionFailed,
            "error calling urlJoin: unable to parse host key, must be of type string, but int found",
        ),
        (
            "{{ semver \"1.2.3\" }}",
            1,
            4,
            UnknownFunction,
            "function \"semver\" not defined (a sprig function",
        ),
        (
            "{{ template \"nope\" }}",
            1,
            13,
            Exec,
            "no template \"nope\" defined",
        ),
        (
            "{{ range .s }}{{ end }}",
            1,
            10,
            Exec,
            "range can't iterate over hello",
        ),
        ("{{ nil }}", 1, 4, Exec, "nil is not a command"),
        (
            "{{ .s 1 }}",
            1,
            4,
            Exec,
            "s is not a method but has arguments",
        ),
        (
            "{{ $x := 1 }}{{ $x 2 }}",
            1,
            17,
            Exec,
            "can't give argument to non-function $x",
        ),
        (
            "{{ .map.a 1 }}",
            1,
            8,
            Exec,
            "a is not a method but has arguments",
        ),
        (
            "{{ eq 1 \"a\" }}",
            1,
            4,
            FunctionFailed,
            "incompatible types for comparison",
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(src, line, col, kind, msg)| match r(src) {
            Ok(out) => Some(format!("{src:?}: rendered {out:?}, want an error")),
            Err(e)
                if (e.line, e.column, e.kind) != (*line, *col, *kind)
                    || !e.message.contains(msg) =>
            {
                Some(format!(
                    "{src:?}: got {:?} {e}, want {kind:?} {line}:{col}: ...{msg}...",
                    e.kind
                ))
            }
            Err(e) if !e.to_string().starts_with(&format!("{line}:{col}: ")) => {
                Some(format!("bad Display {e}"))
            }
            Err(_) => None,
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every provided sprig function, with sprig v2.22.0's semantics (expected values follow the
/// sprig documentation and source: argument order, nil handling, Go formatting of results).
#[test]
fn sprig_functions() {
    let cases: &[(&str, &str)] = &[
        // strings
        ("{{ hello }}", "Hello!"),
        // versions and URLs
        (
            "{{ semverCompare \">=1.20, <2\" \"v1.27.3\" }} {{ semverCompare \"~1.2\" \"1.3.0\" }}",
            "true false",
        ),
        (
            "{{ $u := urlParse \"https://ops:pw@db.example:5432/app?sslmode=on#x\" }}{{ $u.scheme }} {{ $u.hostname }} {{ $u.host }} {{ $u.path }} {{ $u.query }} {{ $u.userinfo }} {{ $u.fragment }}",
            "https db.example db.example:5432 /app sslmode=on ops:pw x",
        ),
        (
            "{{ urlJoin (dict \"scheme\" \"s3\" \"host\" \"bucket\" \"path\" \"/a b/c\" \"query\" \"v=1\") }}",
            "s3://bucket/a%20b/c?v=1",
        ),
        ("{{ abbrev 5 \"hello world\" }}", "he..."),
        ("{{ abbrev 3 \"hello world\" }}", "hello world"),
        ("{{ abbrevboth 5 10 \"1234 5678 9123\" }}", "...5678..."),
        // sprig v2.22.0's trunc slices `s[0:c]`: a negative count is Go's runtime error (see the
        // error cases), not v3's count from the end.
        (
            "{{ trunc 5 \"hello world\" }} {{ trunc 50 \"hi\" }}",
            "hello hi",
        ),
        ("[{{ trim .spaces }}]", "[padded]"),
        (
            "{{ trimAll \"$\" \"$5.00$\" }} {{ trimall \"$\" \"$5$\" }}",
            "5.00 5",
        ),
        (
            "{{ trimSuffix \"-\" \"hello-\" }} {{ trimPrefix \"-\" \"-hello\" }}",
            "hello hello",
        ),
        ("{{ upper \"hello\" }} {{ lower \"HELLO\" }}", "HELLO hello"),
        ("{{ title \"hello world-foo_bar\" }}", "Hello World-Foo_bar"),
        ("{{ untitle \"Hello World\" }}", "hello world"),
        (
            "{{ substr 0 5 \"hello world\" }} {{ substr 6 -1 \"hello world\" }} {{ substr -1 2 \"hello\" }}",
            "hello world he",
        ),
        ("{{ repeat 3 \"ab\" }}", "ababab"),
        ("{{ nospace \"h e\\tl\\nlo\" }}", "hello"),
        ("{{ initials \"First Try\" }}", "FT"),
        ("{{ swapcase \"This Is A.Test\" }}", "tHIS iS a.tEST"),
        ("{{ shuffle \"aaa\" }}", "aaa"),
        (
            "{{ snakecase \"FirstName\" }} {{ snakecase \"HTTPServer\" }}",
            "first_name http_server",
        ),
        ("{{ kebabcase \"FirstName\" }}", "first-name"),
        (
            "{{ camelcase \"http_server\" }} {{ camelcase \"_complex__case_\" }} {{ camelcase \"a__b\" }}",
            "HttpServer _Complex_Case_ A_B",
        ),
        ("{{ wrap 5 \"Hello World\" }}", "Hello\nWorld"),
        ("{{ wrapWith 5 \"\\t\" \"Hello World\" }}", "Hello\tWorld"),
        (
            "{{ contains \"cat\" \"catch\" }} {{ hasPrefix \"cat\" \"catch\" }} {{ hasSuffix \"cat\" \"catch\" }}",
            "true true false",
        ),
        ("{{ quote \"a\" 1 nil \"b\\\"\" }}", "\"a\" \"1\" \"b\\\"\""),
        ("{{ squote \"a\" 2 }}", "'a' '2'"),
        (
            "{{ cat \"hello\" \"beautiful\" 1 nil \"world\" }}",
            "hello beautiful 1 world",
        ),
        ("{{ indent 2 \"a\\nb\" }}", "  a\n  b"),
        ("{{ nindent 2 \"a\" }}", "\n  a"),
        ("{{ replace \" \" \"-\" \"I Am Henry\" }}", "I-Am-Henry"),
        (
            "{{ plural \"one anchovy\" \"many anchovies\" 1 }} {{ plural \"one\" \"many\" 2 }}",
            "one anchovy many",
        ),
        (
            "{{ $a := split \",\" .csv }}{{ $a._0 }}{{ $a._2 }} {{ $a }}",
            "ac map[_0:a _1:b _2:c]",
        ),
        (
            "{{ splitList \",\" .csv }} {{ splitn \",\" 2 .csv }}",
            "[a b c] map[_0:a _1:b,c]",
        ),
        (
            "{{ toStrings .nums }} {{ join \"-\" .list }} {{ join \",\" .mixed }}",
            "[3 1 2] a-b-c x,1,true",
        ),
        (
            "{{ sortAlpha .nums }} {{ sortAlpha (list \"b\" \"a\") }}",
            "[1 2 3] [a b]",
        ),
        (
            "{{ len (randAlphaNum 8) }} {{ len (randAlpha 3) }} {{ len (randNumeric 4) }} {{ len (randAscii 5) }}",
            "8 3 4 5",
        ),
        ("{{ len uuidv4 }}", "36"),
        // conversions, defaults and types
        (
            "{{ toString 12 }} {{ toString .labels }} {{ toString nil }}",
            "12 map[app:db app.kubernetes.io/instance:pg] <nil>",
        ),
        ("{{ atoi \"42\" }} {{ atoi \"x\" }}", "42 0"),
        (
            // sprig v2.22.0 parses strings in base 10 only (Go prints 0 for "0x10").
            "{{ int \"0x10\" }} {{ int64 3.9 }} {{ int \"abc\" }} {{ float64 \"1.5\" }} {{ float64 2 }}",
            "0 3 0 1.5 2",
        ),
        ("{{ toDecimal \"0777\" }} {{ toDecimal 777 }}", "511 511"),
        (
            "{{ default \"foo\" .empty }} {{ default \"foo\" .s }} {{ .empty | default \"bar\" }} {{ default 1 0 }}",
            "foo hello bar 1",
        ),
        ("{{ default \"x\" }}", "x"),
        (
            "{{ empty .emptyList }} {{ empty .list }} {{ empty 0 }} {{ empty .null }} {{ empty .map }}",
            "true false true true false",
        ),
        (
            "{{ coalesce 0 \"\" .s }} {{ coalesce 0 \"\" }}",
            "hello <no value>",
        ),
        (
            "{{ ternary \"yes\" \"no\" true }} {{ false | ternary \"yes\" \"no\" }}",
            "yes no",
        ),
        (
            "{{ toJson .map }} {{ toJson .html }} {{ toJson .list }} {{ toJson .f }} {{ toJson .big }}",
            "{\"a\":1,\"b\":2,\"c\":{\"d\":\"deep\"}} \"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\" [\"a\",\"b\",\"c\"] 1.5 1000000",
        ),
        (
            "{{ toJson .null }} {{ toJson .emptyMap }} {{ toJson (list) }}",
            "null {} []",
        ),
        (
            "{{ toPrettyJson .map }}",
            "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": {\n    \"d\": \"deep\"\n  }\n}",
        ),
        (
            "{{ typeOf .s }} {{ typeOf 1 }} {{ typeOf .list }} {{ typeIs \"string\" .s }} {{ typeIsLike \"string\" .s }}",
            "string int []interface {} true true",
        ),
        (
            "{{ kindOf .map }} {{ kindOf .list }} {{ kindIs \"string\" .s }} {{ kindOf .null }}",
            "map slice true invalid",
        ),
        (
            "{{ deepEqual .list (list \"a\" \"b\" \"c\") }} {{ deepEqual .map .labels }}",
            "true false",
        ),
        ("{{ deepCopy .map }}", "map[a:1 b:2 c:map[d:deep]]"),
        // lists
        (
            "{{ list 1 \"a\" nil }} {{ tuple 1 2 }}",
            "[1 a <nil>] [1 2]",
        ),
        (
            "{{ append .list \"d\" }} {{ push .list \"e\" }} {{ prepend .list \"z\" }}",
            "[a b c d] [a b c e] [z a b c]",
        ),
        (
            "{{ first .list }} {{ last .list }} {{ rest .list }} {{ initial .list }} {{ reverse .list }}",
            "a c [b c] [a b] [c b a]",
        ),
        ("{{ first .emptyList }}", "<no value>"),
        (
            "{{ uniq (list 1 1 2 \"a\" \"a\") }} {{ without .list \"b\" }} {{ has \"b\" .list }} {{ has 9 .nums }}",
            "[1 2 a] [a c] true false",
        ),
        (
            "{{ slice .list 1 }} {{ slice .list 1 2 }} {{ slice .list }}",
            "[b c] [b] [a b c]",
        ),
        ("{{ concat .list .nums (list 9) }}", "[a b c 3 1 2 9]"),
        ("{{ compact (list 1 0 \"\" \"a\" nil) }}", "[1 a]"),
        (
            "{{ until 3 }} {{ until -2 }} {{ untilStep 0 10 4 }} {{ untilStep 5 0 -2 }}",
            "[0 1 2] [0 -1] [0 4 8] [5 3 1]",
        ),
        // dicts
        (
            "{{ $d := dict \"a\" 1 \"b\" \"x\" \"odd\" }}{{ $d }} {{ $d.a }}",
            "map[a:1 b:x odd:] 1",
        ),
        (
            "{{ $d := dict }}{{ $_ := set $d \"k\" \"v\" }}{{ $d.k }} {{ hasKey $d \"k\" }} {{ $_ := unset $d \"k\" }}{{ hasKey $d \"k\" }}",
            "v true false",
        ),
        (
            "{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}",
            "[1 3]",
        ),
        (
            "{{ keys .map | sortAlpha }} {{ values (dict \"x\" 1 \"y\" 2) }}",
            "[a b c] [1 2]",
        ),
        (
            "{{ pick .map \"a\" \"c\" }} {{ omit .map \"c\" }}",
            "map[a:1 c:map[d:deep]] map[a:1 b:2]",
        ),
        (
            "{{ $dst := dict \"a\" 1 \"n\" (dict \"x\" 1) }}{{ $_ := merge $dst (dict \"a\" 2 \"b\" 3 \"n\" (dict \"y\" 2)) }}{{ $dst }}",
            "map[a:1 b:3 n:map[x:1 y:2]]",
        ),
        (
            "{{ $dst := dict \"a\" 1 \"c\" 5 \"d\" 4 }}{{ mergeOverwrite $dst (dict \"a\" 2 \"b\" 3 \"c\" \"\" \"d\" nil) }}",
            // mergo with overwrite writes a nil source value too (recorded from Go).
            "map[a:2 b:3 c: d:<nil>]",
        ),
        // maths
        (
            "{{ add1 1 }} {{ add 1 2 3 }} {{ sub 5 7 }} {{ div 7 2 }} {{ mod 7 3 }} {{ mul 2 3 4 }}",
            "2 6 -2 3 1 24",
        ),
        (
            "{{ max 1 5 3 }} {{ biggest 2 9 }} {{ min 4 2 8 }} {{ add \"2\" 1.9 }}",
            "5 9 2 3",
        ),
        (
            "{{ ceil 1.2 }} {{ floor 1.8 }} {{ round 3.14159 2 }} {{ round 2.5 0 }} {{ round 2.4 0 .3 }}",
            "2 1 3.14 3 3",
        ),
        // encoding, hashing, paths, regex
        (
            "{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }} {{ b64dec \"!!\" }}",
            "aGVsbG8= hello illegal base64 data at input byte 0",
        ),
        (
            "{{ b64dec \"aGVsbG8\" }}",
            "illegal base64 data at input byte 4",
        ),
        (
            "{{ b32enc \"hello\" }} {{ b32dec \"NBSWY3DP\" }} {{ b32enc \"hi\" }} {{ b32dec \"NBUQ====\" }}",
            "NBSWY3DP hello NBUQ==== hi",
        ),
        (
            "{{ sha1sum \"hello\" }}",
            "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d",
        ),
        (
            "{{ sha256sum \"hello\" }}",
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        ),
        ("{{ adler32sum \"hello\" }}", "103547413"),
        (
            "{{ base \"/a/b.txt\" }} {{ dir \"/a/b.txt\" }} {{ clean \"a//b/../c/.\" }} {{ ext \"x/y.tar.gz\" }} {{ isAbs \"/x\" }}",
            "b.txt /a a/c .gz true",
        ),
        (
            "{{ base \"\" }} {{ dir \"x\" }} {{ clean \"/../a\" }}",
            ". . /a",
        ),
        (
            "{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexMatch \"[\" \"x\" }}",
            "true false",
        ),
        (
            "{{ regexFind \"[a-z]+\\\\d\" \"ab1cd2\" }} {{ regexFindAll \"[a-z]\\\\d\" \"a1b2c3\" 2 }} {{ regexFindAll \"\\\\d\" \"a1b2\" -1 }}",
            "ab1 [a1 b2] [1 2]",
        ),
        (
            "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-\" \"$1\" }}",
            "-W-xxW- -$1-",
        ),
        (
            "{{ regexSplit \"z+\" \"pizza\" -1 }} {{ regexSplit \"z+\" \"pizza\" 1 }} {{ regexSplit \"a\" \"banana\" 2 }}",
            "[pi a] [pizza] [b nana]",
        ),
        // dates (local zone = UTC)
        (
            "{{ toDate \"2006-01-02\" \"2017-12-31\" | date \"02/01/2006\" }}",
            "31/12/2017",
        ),
        (
            "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T07:08:09+02:00\" | date \"Mon Jan _2 15:04:05 MST 2006\" }}",
            "Tue Mar  5 05:08:09 UTC 2024",
        ),
        (
            "{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T07:08:09+02:00\" }}",
            "2024-03-05 07:08:09 +0200 +0200",
        ),
        (
            "{{ toDate \"2006-01-02\" \"garbage\" }}",
            "0001-01-01 00:00:00 +0000 UTC",
        ),
        (
            "{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2026-11-21T10:27:31.5Z\" | date \"2006-01-02 15:04:05.000 PM pm Monday January 06 1 2 3 4 5 002 -0700 -07 Z0700\" }}",
            "2026-11-21 10:27:31.500 AM am Saturday November 26 11 21 10 27 31 325 +0000 +00 Z",
        ),
        (
            "{{ date \"2006-01-02\" 0 }} {{ htmlDate 86400 }} {{ dateInZone \"15:04 MST\" 3600 \"UTC\" }}",
            "1970-01-01 1970-01-02 01:00 UTC",
        ),
        (
            "{{ toDate \"2006-01-02\" \"2020-01-01\" | dateModify \"-1.5h\" | date \"2006-01-02 15:04\" }}",
            "2019-12-31 22:30",
        ),
        (
            "{{ toDate \"2006-01-02\" \"2020-01-01\" | unixEpoch }}",
            "1577836800",
        ),
        (
            "{{ ago (toDate \"2006\" \"3000\") | hasPrefix \"-\" }} {{ now | typeOf }}",
            "true time.Time",
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(src, want)| match r(src) {
            Ok(got) if got == *want => None,
            Ok(got) => Some(format!("{src:?}: got {got:?}, want {want:?}")),
            Err(e) => Some(format!("{src:?}: error {e}")),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn kanister_params() -> TemplateParams {
    let mut sts = WorkloadParams::new("db", "prod");
    sts.pods = vec!["db-0".into(), "db-1".into()];
    sts.containers = vec![vec!["main".into(), "sidecar".into()], vec!["main".into()]];
    sts.persistent_volume_claims = [(
        "db-0".to_string(),
        [("data-db-0".to_string(), "/data".to_string())].into(),
    )]
    .into();
    let mut p = TemplateParams {
        stateful_set: Some(sts),
        pvc: Some(("data-db-0".into(), "prod".into())),
        namespace: Some(("prod".into(), "prod".into())),
        time: "2026-11-21T10:27:31.123456789Z".into(),
        object: json!({"metadata": {"name": "db", "labels": {"app.kubernetes.io/instance": "db"}}, "spec": {"replicas": 2}}),
        profile: Some(ProfileParams {
            location: ProfileLocation {
                type_: "s3Compliant".into(),
                bucket: "b".into(),
                endpoint: "http://minio:9000".into(),
                prefix: "p".into(),
                region: "us-east-1".into(),
            },
            credential: ProfileCredential {
                type_: "keyPair".into(),
                key_pair: Some(KeyPair {
                    id: "AKIA".into(),
                    secret: "shh".into(),
                }),
                ..Default::default()
            },
            skip_ssl_verify: false,
        }),
        ..Default::default()
    };
    p.secrets.insert(
        "db".into(),
        SecretParams::new("db-secret", "prod").with("pw", "hunter2"),
    );
    p.config_maps.insert(
        "cfg".into(),
        ConfigMapParams::new("db-config", "prod").with("mode", "fast"),
    );
    p.artifacts_in.insert(
        "cloud".into(),
        ArtifactParams {
            key_value: [("path".to_string(), "/backups/1".to_string())].into(),
            kopia_snapshot: "snap".into(),
        },
    );
    p.options.insert("retention".into(), "7d".into());
    p.phases.insert(
        "dump".into(),
        PhaseParams {
            secrets: [(
                "creds".to_string(),
                SecretParams::new("creds", "prod").with("user", "admin"),
            )]
            .into(),
            output: Some(
                [
                    ("path".to_string(), json!("/backups/1")),
                    ("count".to_string(), json!(3)),
                ]
                .into_iter()
                .collect(),
            ),
            ..Default::default()
        },
    );
    p.phases.insert("current".into(), PhaseParams::default());
    p
}

const PROFILE_JSON: &str = r#"{"Location":{"type":"s3Compliant","bucket":"b","endpoint":"http://minio:9000","prefix":"p","region":"us-east-1"},"Credential":{"Type":"keyPair","KeyPair":{"ID":"AKIA","Secret":"shh"},"Secret":null,"KopiaServerSecret":null},"SkipSSLVerify":false}"#;

/// Kanister's parameter shapes: Go field names, struct vs map, bytes, nil pointers.
#[test]
fn kanister_parameters() {
    let data = kanister_params().build();
    let cases: &[(&str, &str)] = &[
        (
            "{{ .StatefulSet.Name }}/{{ .StatefulSet.Namespace }}",
            "db/prod",
        ),
        (
            "{{ .StatefulSet.Pods }} {{ index .StatefulSet.Pods 1 }} {{ len .StatefulSet.Pods }}",
            "[db-0 db-1] db-1 2",
        ),
        ("{{ .StatefulSet.Containers }}", "[[main sidecar] [main]]"),
        (
            "{{ .StatefulSet.PersistentVolumeClaims }}",
            "map[db-0:map[data-db-0:/data]]",
        ),
        (
            "{{ range $pod, $pvcs := .StatefulSet.PersistentVolumeClaims }}{{ range $pvc, $path := $pvcs }}{{ $pod }}:{{ $pvc }}={{ $path }}{{ end }}{{ end }}",
            "db-0:data-db-0=/data",
        ),
        (
            "{{ .StatefulSet }}",
            "{db prod [db-0 db-1] [[main sidecar] [main]] map[db-0:map[data-db-0:/data]]}",
        ),
        ("{{ .PVC.Name }} {{ .Namespace.Name }}", "data-db-0 prod"),
        ("{{ .Time }}", "2026-11-21T10:27:31.123456789Z"),
        (
            "{{ index .Object.metadata.labels \"app.kubernetes.io/instance\" }} {{ .Object.spec.replicas }}",
            "db 2",
        ),
        ("{{ toJson .Profile }}", PROFILE_JSON),
        (
            "{{ .Profile.Location.Bucket }} {{ .Profile.Credential.KeyPair.ID }} {{ .Profile.SkipSSLVerify }}",
            "b AKIA false",
        ),
        (
            "{{ if .Profile.Credential.KeyPair }}kp{{ else }}secret{{ end }}",
            "kp",
        ),
        (
            "{{ if .Profile.Credential.Secret }}secret{{ else }}no{{ end }}",
            "no",
        ),
        ("{{ .Profile.Credential.KeyPair }}", "{AKIA shh}"),
        ("{{ .Secrets.db.Data.pw }}", "[104 117 110 116 101 114 50]"),
        ("{{ .Secrets.db.Data.pw | toString }}", "hunter2"),
        (
            "{{ index .Secrets.db.Data \"nope\" }}|{{ index .Secrets.db.Data \"nope\" | toString }}|",
            "[]||",
        ),
        (
            "{{ .Secrets.db.Name }} {{ .Secrets.db.Namespace }} {{ .Secrets.db.ObjectMeta.Name }} {{ .Secrets.db.Type }}",
            "db-secret prod db-secret Opaque",
        ),
        (
            "{{ toJson .Secrets.db }}",
            r#"{"metadata":{"name":"db-secret","namespace":"prod","creationTimestamp":null},"data":{"pw":"aHVudGVyMg=="},"type":"Opaque"}"#,
        ),
        (
            "{{ .ConfigMaps.cfg.Data.mode }} {{ .ConfigMaps.cfg.Name }}",
            "fast db-config",
        ),
        (
            "{{ .ArtifactsIn.cloud.KeyValue.path }} {{ .ArtifactsIn.cloud.KopiaSnapshot }}",
            "/backups/1 snap",
        ),
        ("[{{ index .ArtifactsIn.cloud.KeyValue \"nope\" }}]", "[]"),
        (
            "{{ toJson .ArtifactsIn }}",
            r#"{"cloud":{"keyValue":{"path":"/backups/1"},"kopiaSnapshot":"snap"}}"#,
        ),
        (
            "{{ .Options.retention }} [{{ index .Options \"nope\" }}]",
            "7d []",
        ),
        (
            "{{ .Phases.dump.Output.path }} {{ .Phases.dump.Output.count }}",
            "/backups/1 3",
        ),
        ("{{ index .Phases.dump.Output \"nope\" }}", "<no value>"),
        (
            "{{ index .Phases.dump.Secrets.creds.Data \"user\" | toString }}",
            "admin",
        ),
        (
            "{{ .Phases.current.Output }} {{ .PodOverride }} {{ toJson .PodOverride }} {{ .PodLabels }}",
            "map[] map[] null map[]",
        ),
        ("{{ toJson .DeferPhase }}", "null"),
        (
            "{{ index .ArtifactsIn \"nope\" }}|{{ (index .ArtifactsIn \"nope\").KopiaSnapshot }}|",
            "{map[] }||",
        ),
        (
            "{{ (index .Secrets \"nope\").Name }}|{{ index .Phases \"nope\" }}",
            "|<nil>",
        ),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(src, want)| match render_str("t", src, &data) {
            Ok(got) if got == *want => None,
            Ok(got) => Some(format!("{src:?}: got {got:?}, want {want:?}")),
            Err(e) => Some(format!("{src:?}: error {e}")),
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );

    use ErrorKind::*;
    let errors: &[(&str, usize, ErrorKind, &str)] = &[
        (
            "{{ .Phases.dump.Output.nope }}",
            23,
            MissingKey,
            "map has no entry for key \"nope\"",
        ),
        (
            "{{ .Phases.later.Output.x }}",
            11,
            MissingKey,
            "map has no entry for key \"later\"",
        ),
        (
            "{{ .Phases.current.Output.x }}",
            26,
            MissingKey,
            "map has no entry for key \"x\"",
        ),
        (
            "{{ .Secrets.other.Data.x }}",
            12,
            MissingKey,
            "map has no entry for key \"other\"",
        ),
        (
            "{{ .Deployment.Name }}",
            15,
            NilPointer,
            "nil pointer evaluating *param.DeploymentParams.Name",
        ),
        (
            "{{ .StatefulSet.Nme }}",
            16,
            NoSuchField,
            "can't evaluate field Nme in type param.StatefulSetParams",
        ),
        (
            "{{ .Foo }}",
            4,
            NoSuchField,
            "can't evaluate field Foo in type param.TemplateParams",
        ),
        (
            "{{ .Secrets.db.Data.pw | upper }}",
            26,
            WrongType,
            "expected string; got []uint8",
        ),
        (
            "{{ .DeferPhase.Output.x }}",
            15,
            NilPointer,
            "nil pointer evaluating *param.Phase.Output",
        ),
    ];
    for (src, col, kind, msg) in errors {
        let e = render_str("t", src, &data).expect_err(src);
        assert_eq!((e.line, e.column, e.kind), (1, *col, *kind), "{src:?}: {e}");
        assert!(e.message.contains(msg), "{src:?}: {e}");
    }
}

#[test]
fn profile_absent_or_secret_typed() {
    let mut p = kanister_params();
    p.profile = None;
    let data = p.build();
    assert_eq!(
        render_str("t", "{{ toJson .Profile }}", &data).unwrap(),
        "null"
    );
    assert_eq!(render_str("t", "{{ .Profile }}", &data).unwrap(), "<nil>");
    let e = render_str("t", "x{{ .Profile.Location.Bucket }}", &data).unwrap_err();
    assert_eq!(
        (e.line, e.column, e.kind),
        (1, 13, ErrorKind::NilPointer),
        "{e}"
    );
    assert!(
        e.message
            .contains("nil pointer evaluating *param.Profile.Location"),
        "{e}"
    );

    let mut aws = SecretParams::new("aws", "kanister").with("aws_access_key_id", "AKIA");
    aws.type_ = "secrets.kanister.io/aws".into();
    p.profile = Some(ProfileParams {
        location: ProfileLocation {
            type_: "s3Compliant".into(),
            bucket: "b".into(),
            ..Default::default()
        },
        credential: ProfileCredential {
            type_: "secret".into(),
            secret: Some(aws),
            ..Default::default()
        },
        skip_ssl_verify: true,
    });
    let data = p.build();
    assert_eq!(
        render_str("t", "{{ toJson .Profile }}", &data).unwrap(),
        r#"{"Location":{"type":"s3Compliant","bucket":"b","endpoint":"","prefix":"","region":""},"Credential":{"Type":"secret","KeyPair":null,"Secret":{"metadata":{"name":"aws","namespace":"kanister","creationTimestamp":null},"data":{"aws_access_key_id":"QUtJQQ=="},"type":"secrets.kanister.io/aws"},"KopiaServerSecret":null},"SkipSSLVerify":true}"#
    );
    assert_eq!(
        render_str(
            "t",
            "{{ .Profile.Credential.Secret.Data.aws_access_key_id | toString }}",
            &data
        )
        .unwrap(),
        "AKIA"
    );
}

#[test]
fn redaction_hides_credentials_and_secret_values() {
    let data = kanister_params().build_redacted();
    let out = render_str(
        "t",
        "{{ toJson .Profile }} {{ .Secrets.db.Data.pw | toString }} {{ index .Phases.dump.Secrets.creds.Data \"user\" | toString }} {{ .Profile.Credential.KeyPair.ID }}",
        &data,
    )
    .unwrap();
    assert!(
        !out.contains("hunter2")
            && !out.contains("shh")
            && !out.contains("AKIA")
            && !out.contains("admin"),
        "{out}"
    );
    // encoding/json escapes `<` and `>` as Go does.
    assert!(
        out.contains(r#""KeyPair":{"ID":"\u003credacted\u003e","Secret":"\u003credacted\u003e"}"#),
        "{out}"
    );
    assert!(out.ends_with("<redacted> <redacted> <redacted>"), "{out}");
    // Non-secret parameters are untouched.
    assert_eq!(
        render_str(
            "t",
            "{{ .Profile.Location.Bucket }} {{ .Secrets.db.Name }}",
            &data
        )
        .unwrap(),
        "b db-secret"
    );
}

#[test]
fn references_list_functions_and_paths() {
    let t = Template::parse(
        "t",
        "{{ .Phases.dump.Output.path }}\n{{ index .Phases.dump.Secrets.s.Data \"pw\" | toString }}{{ with .Object }}{{ .metadata }}{{ end }}{{ $x := .Options }}{{ $x.k }}{{ $.Time }}",
    )
    .unwrap();
    let refs: Vec<String> = t.references().iter().map(|r| r.to_string()).collect();
    assert_eq!(
        refs,
        [
            "1:4: .Phases.dump.Output.path",
            "2:4: index",
            "2:10: .Phases.dump.Secrets.s.Data.pw",
            "2:45: toString",
            "2:64: .Object",
            "2:77: .metadata",
            "2:107: .Options",
            "2:121: $x.k",
            "2:131: .Time",
        ]
    );
    let refs = t.references();
    assert!(matches!(
        &refs[2].kind,
        ReferenceKind::Field {
            root: Root::Data,
            via_index: true,
            ..
        }
    ));
    assert!(matches!(
        &refs[5].kind,
        ReferenceKind::Field {
            root: Root::Dot,
            ..
        }
    ));
    assert!(
        matches!(&refs[7].kind, ReferenceKind::Field { root: Root::Variable(v), .. } if v == "$x")
    );
    assert!(is_known_function("toJson") && is_known_function("index") && !is_known_function("env"));
    assert!(!is_known_function("expandenv") && !is_known_function("fromJson"));
}

#[test]
fn hostile_templates_fail_cleanly() {
    let deep_parens = format!("{{{{ {}1{} }}}}", "(".repeat(500), ")".repeat(500));
    let e = r(&deep_parens).unwrap_err();
    assert!(e.message.contains("nested too deeply"), "{e}");
    let deep_ifs = format!("{}x{}", "{{ if 1 }}".repeat(500), "{{ end }}".repeat(500));
    assert!(
        r(&deep_ifs)
            .unwrap_err()
            .message
            .contains("nested too deeply")
    );
    let recursive = "{{ define \"a\" }}{{ template \"a\" . }}{{ end }}{{ template \"a\" . }}";
    let e = r(recursive).unwrap_err();
    assert!(
        e.message.contains("exceeded maximum template depth (100)"),
        "{e}"
    );
    for huge in [
        "{{ until 100000000000 }}",
        "{{ repeat 100000000000 \"ab\" }}",
        "{{ randAlpha 100000000000 }}",
    ] {
        assert_eq!(
            r(huge).unwrap_err().kind,
            ErrorKind::FunctionFailed,
            "{huge}"
        );
    }
    // `range N` is lazy and `break` stops it.
    assert_eq!(
        ok("{{ range 1000000000000 }}{{ if eq . 3 }}{{ break }}{{ end }}{{ . }}{{ end }}"),
        "012"
    );
}

#[test]
fn phases_recorded_in_place() {
    let mut p = kanister_params();
    p.phases.clear();
    let mut data = p.build();
    let t = Template::parse("t", "{{ .Phases.backup.Output.path }}").unwrap();
    assert_eq!(t.render(&data).unwrap_err().kind, ErrorKind::MissingKey);
    let mut phase = PhaseParams::default();
    assert!(data.set_phase("backup", &phase));
    assert!(
        t.render(&data)
            .unwrap_err()
            .message
            .contains("no entry for key \"path\"")
    );
    phase.output = Some([("path".to_string(), json!("/b/1"))].into_iter().collect());
    data.set_phase("backup", &phase);
    assert_eq!(t.render(&data).unwrap(), "/b/1");
    assert!(data.set_defer_phase(&phase));
    assert_eq!(
        render_str(
            "t",
            "{{ .DeferPhase.Output.path }} {{ .Phases.backup.Output.path }}",
            &data
        )
        .unwrap(),
        "/b/1 /b/1"
    );
    assert!(!Data::nil().set_phase("x", &phase));
}

#[test]
fn render_json_walks_args_like_kanister() {
    let data = kanister_params().build();
    let args = json!({
        "namespace": "{{ .StatefulSet.Namespace }}",
        "replicas": 3,
        "command": ["bash", "-c", "echo {{ .StatefulSet.Name }}"],
        "labels": {"{{ .StatefulSet.Name }}-key": "v"},
    });
    let out = render_json(&args, &data).unwrap();
    assert_eq!(
        out,
        json!({"namespace": "prod", "replicas": 3, "command": ["bash", "-c", "echo db"], "labels": {"db-key": "v"}})
    );
    let err = render_json(&json!({"command": ["a", "x {{ .Nope }}"]}), &data).unwrap_err();
    assert_eq!(err.path, "command[1]");
    assert_eq!((err.error.line, err.error.column), (1, 6));
    assert!(err.to_string().starts_with("command[1]: 1:6: "), "{err}");
}

#[test]
fn templates_and_data_are_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Template>();
    assert_send_sync::<Data>();
    assert_send_sync::<TemplateError>();
}

#[test]
fn static_check_finds_arity_errors_in_untaken_branches() {
    let t = Template::parse(
        "t",
        "{{ if false }}{{ upper }}{{ else }}{{ .s | trimPrefix \"x\" \"y\" }}{{ end }}\n{{ index .m | len }} {{ (nil) }} {{ and }} {{ printf \"%s\" now }} {{ .s | default \"x\" }}",
    )
    .unwrap();
    let found: Vec<String> = t
        .check()
        .iter()
        .map(|e| format!("{e} [{:?}]", e.kind))
        .collect();
    assert_eq!(
        found,
        [
            "1:18: wrong number of args for upper: want 1 got 0 [WrongArgCount]",
            "1:44: wrong number of args for trimPrefix: want 2 got 3 [WrongArgCount]",
            "2:26: nil is not a command [Exec]",
            "2:37: wrong number of args for and: want at least 1 got 0 [WrongArgCount]",
        ]
    );
    assert!(
        Template::parse("t", "{{ .s | upper }}{{ printf \"%d\" (len .s) }}")
            .unwrap()
            .check()
            .is_empty()
    );
}

/// Issue 17: what used to crash, corrupt binary data or differ from Go. Expected values were
/// recorded with Go 1.27 and sprig v2.22.0 (scripts/template-corpus).
#[test]
fn go_byte_strings_and_issue_17_semantics() {
    // Byte offsets inside multi-byte characters: Go keeps the two halves as raw bytes.
    assert_eq!(
        ok(r#"{{ wrap 10 "Sicherung für Datenbank läuft: Prüfsumme ungültig" | b64enc }}"#),
        "U2ljaGVydW5nCmbDvHIKRGF0ZW5iYW5rCmzDpHVmdDoKUHLDvGZzdW1tZQp1bmfDvGx0aWc="
    );
    assert_eq!(ok(r#"{{ wrap 2 "日本 語" }}"#), "日本\n語");
    let cut = render_str("t", r#"{{ trunc 2 "日本" }}"#, &data()).unwrap();
    assert_eq!(cut, "\u{FFFD}", "render gives what the API would store");
    let exact = Template::parse("t", r#"{{ trunc 2 "日本" }}"#)
        .unwrap()
        .render_bytes(&data())
        .unwrap();
    assert_eq!(exact, vec![0xe6, 0x97]);
    // Binary Secret data round-trips through toString | b64enc.
    let binary: Vec<u8> = vec![0x00, 0xff, 0xfe, b'A', 0xc3, 0x28, 0x80];
    let mut p = kanister_params();
    let mut secret = SecretParams::new("ks", "prod");
    secret.data.insert("k".into(), binary.clone());
    p.secrets.insert("bin".into(), secret);
    let d = p.build();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&binary);
    for src in [
        "{{ .Secrets.bin.Data.k | toString | b64enc }}",
        "{{ printf \"%s\" .Secrets.bin.Data.k | b64enc }}",
        "{{ .Secrets.bin.Data.k | toString | b64enc | b64dec | b64enc }}",
    ] {
        assert_eq!(render_str("t", src, &d).unwrap(), b64, "{src}");
    }
    assert_eq!(
        render_str("t", "{{ printf \"%x\" .Secrets.bin.Data.k }}", &d).unwrap(),
        "00fffe41c32880"
    );
    assert_eq!(
        render_str("t", "{{ .Secrets.bin.Data.k | toString | len }}", &d).unwrap(),
        "7"
    );
    // Semantics that changed a rendered value.
    assert_eq!(
        ok(r#"{{ upper "straße" }} {{ lower "ΟΔΟΣ" }}"#),
        "STRAßE οδοσ"
    );
    assert!(
        r(r#"{{ trunc -3 "abcdef" }}"#).is_err(),
        "Go: slice bounds out of range"
    );
    assert!(
        r(r#"{{ indent -1 "a" }}"#).is_err(),
        "Go: negative Repeat count"
    );
    assert_eq!(
        ok(r#"{{ merge (dict "a" 1 "z" "" "n" 0) (dict "a" 2 "b" 3 "z" "filled" "n" 5) }}"#),
        "map[a:1 b:3 n:5 z:filled]"
    );
    assert_eq!(
        ok(
            r#"{{ (toDate "2006-01-02" "2024-02-29").Year }} {{ (toDate "2006-01-02" "2024-02-29").Unix }} {{ (toDate "2006-01-02" "2024-02-29").Format "Jan 2" }}"#
        ),
        "2024 1709164800 Feb 29"
    );
    let mut p = kanister_params();
    p.profile = None;
    let d = p.build();
    assert_eq!(
        render_str("t", "{{ eq .Profile nil }} {{ ne .Profile nil }}", &d).unwrap(),
        "true false"
    );
    if std::path::Path::new("/usr/share/zoneinfo/Europe/Berlin").exists() {
        assert_eq!(
            ok(
                r#"{{ dateInZone "2006-01-02 15:04 MST" 1700000000 "Europe/Berlin" }} {{ dateInZone "15:04 MST" 1690000000 "America/New_York" }}"#
            ),
            "2023-11-14 23:13 CET 00:26 EDT"
        );
    }
}

#[test]
fn current_phase_is_a_nil_phase_while_args_render() {
    let d = kanister_params().build();
    assert_eq!(render_str("t", "{{ .CurrentPhase }}", &d).unwrap(), "<nil>");
    let e = render_str("t", "{{ .CurrentPhase.Secrets }}", &d).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NilPointer, "{e}");
}
