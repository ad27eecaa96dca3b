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
            "function \"env\" not defined",
        ),
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
