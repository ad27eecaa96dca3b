#!/usr/bin/env python3
"""The snippets of the differential template corpus, by category, as JSON: {category: [{name, template}]}.

Every Go built-in, action and provided sprig v2.22.0 function appears, with error cases and
multi-byte and binary inputs. `record` runs them through Go and writes tests/data/template_corpus/.
Nondeterministic functions (rand*, uuidv4, shuffle, now) are recorded through a deterministic view
(length, pattern match)."""
import json
import sys


def q(s):
    """A Go interpreted string literal for s (non-ASCII kept as is, \\xNN for raw bytes given as
    surrogate escapes)."""
    out = '"'
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out += '\\"'
        elif ch == '\\':
            out += '\\\\'
        elif ch == '\n':
            out += '\\n'
        elif ch == '\t':
            out += '\\t'
        elif 0xDC80 <= o <= 0xDCFF:
            out += '\\x%02x' % (o - 0xDC00)
        elif o < 0x20:
            out += '\\x%02x' % o
        else:
            out += ch
    return out + '"'


# Inputs for the string-function probes: ASCII, Latin-1 letters, CJK, a sentence with umlauts at
# every wrap width, special case mappings, and strings holding bytes that are not UTF-8.
STRINGS = [
    "",
    "abc",
    "hello world",
    "héllo wörld",
    "日本 語",
    "Sicherung für Datenbank läuft: Prüfsumme ungültig",
    "straße",
    "ǅemal İstanbul ΣΑΣ",
    "a\udcffb",
    "\udcc3( tail",
    "  lead and trail  ",
    "snake_case-and CamelCase",
]
COUNTS = [-3, -1, 0, 1, 2, 4, 5, 7, 10]

cases = {}


def add(cat, name, tpl):
    cases.setdefault(cat, []).append({"name": name, "template": tpl})


# ---- actions and Go built-ins ----
A = "actions"
for name, t in [
    ("text", "plain text"),
    ("field", "{{ .ascii }}"),
    ("nested field", "{{ .map.c.d }}"),
    ("missing key", "{{ .nope }}"),
    ("missing nested key", "{{ .map.zz }}"),
    ("field of nil", "{{ .nilv.x }}"),
    ("nil prints no value", "{{ .nilv }}"),
    ("dot", "{{ .n }}"),
    ("if true", "{{ if .t }}yes{{ end }}"),
    ("if else", "{{ if .empty }}yes{{ else }}no{{ end }}"),
    ("else if", "{{ if .zero }}a{{ else if .n }}b{{ else }}c{{ end }}"),
    ("with", "{{ with .map }}{{ .b }}{{ end }}"),
    ("with else", "{{ with .empty }}x{{ else }}empty{{ end }}"),
    ("range list", "{{ range .list }}[{{ . }}]{{ end }}"),
    ("range index", "{{ range $i, $v := .words }}{{ $i }}={{ $v }} {{ end }}"),
    ("range map", "{{ range $k, $v := .map }}{{ $k }}:{{ $v }};{{ end }}"),
    ("range else", "{{ range .empty }}x{{ else }}none{{ end }}"),
    ("range int", "{{ range 3 }}{{ . }}{{ end }}"),
    ("range bytes", "{{ range .bin }}{{ . }},{{ end }}"),
    ("range string error", "{{ range .ascii }}{{ . }}{{ end }}"),
    ("break", "{{ range .words }}{{ if eq . \"c\" }}{{ break }}{{ end }}{{ . }}{{ end }}"),
    ("continue", "{{ range .words }}{{ if eq . \"a\" }}{{ continue }}{{ end }}{{ . }}{{ end }}"),
    ("variables", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}"),
    ("dollar", "{{ range .words }}{{ $.n }}{{ end }}"),
    ("undefined variable", "{{ $y }}"),
    ("define template", "{{ define \"t\" }}<{{ . }}>{{ end }}{{ template \"t\" .n }}"),
    ("block", "{{ block \"b\" .ascii }}[{{ . }}]{{ end }}"),
    ("unknown template", "{{ template \"none\" }}"),
    ("comment", "a{{/* note */}}b"),
    ("trim markers", "a  {{- \"b\" -}}  c"),
    ("pipeline", "{{ .ascii | upper | printf \"%s!\" }}"),
    ("parens", "{{ (add 1 2) | mul 3 }}"),
    ("unclosed action", "{{ .ascii "),
    ("unclosed if", "{{ if .t }}x"),
    ("bad number", "{{ 1x }}"),
    ("unknown function", "{{ nosuch 1 }}"),
    ("chained method-like field", "{{ .ascii.Foo }}"),
    ("string literal escapes", "{{ \"tab\\there\\u00e9\\U0001F600\" }}"),
    ("raw string", "{{ `raw\\n` }}"),
    ("char constant", "{{ 'a' }} {{ '\\n' }}"),
    ("hex octal binary", "{{ 0x1F }} {{ 0o17 }} {{ 0b101 }} {{ 1_000 }}"),
    ("floats", "{{ 1.5e3 }} {{ 0.1 }} {{ 1e21 }} {{ 1e-7 }}"),
    ("nil literal", "{{ nil }}"),
    ("bool literals", "{{ true }} {{ false }}"),
    ("print map", "{{ .map }}"),
    ("print list", "{{ .list }}"),
    ("print bytes", "{{ .bin }}"),
    ("print float", "{{ .f }} {{ 3.0 }} {{ 100000000.0 }}"),
]:
    add(A, name, t)

B = "builtins"
for name, t in [
    ("and", "{{ and 1 0 2 }} {{ and 1 2 }} {{ and .t .n }}"),
    ("or", "{{ or 0 \"\" .n }} {{ or 0 false }}"),
    ("not", "{{ not 0 }} {{ not .ascii }} {{ not .nilv }}"),
    ("eq ints", "{{ eq 1 1 }} {{ eq .n 42 }} {{ eq 1 2 3 1 }}"),
    ("eq strings", "{{ eq .ascii \"hello world\" }}"),
    ("eq int float", "{{ eq 1 1.0 }}"),
    ("eq nil nil", "{{ eq nil nil }}"),
    ("eq value nil", "{{ eq .nilv nil }}"),
    ("eq string nil", "{{ eq .ascii nil }}"),
    ("ne nil", "{{ ne .nilv nil }}"),
    ("eq map", "{{ eq .map .map }}"),
    ("eq list", "{{ eq .list .list }}"),
    ("ne", "{{ ne 1 2 }} {{ ne \"a\" \"a\" }}"),
    ("lt le gt ge", "{{ lt 1 2 }} {{ le 2 2 }} {{ gt 1.5 1.2 }} {{ ge \"b\" \"a\" }}"),
    ("lt mixed", "{{ lt 1 \"a\" }}"),
    ("lt negative unsigned", "{{ lt -1 1 }}"),
    ("index list", "{{ index .list 1 }}"),
    ("index map", "{{ index .map \"b\" }}"),
    ("index missing map key", "{{ index .map \"zz\" }}"),
    ("index out of range", "{{ index .list 9 }}"),
    ("index negative", "{{ index .list -1 }}"),
    ("index string", "{{ index .str 1 }}"),
    ("index bytes", "{{ index .bin 1 }}"),
    ("index nested", "{{ index .map \"c\" \"d\" }}"),
    ("index nil", "{{ index nil 1 }}"),
    ("len", "{{ len .ascii }} {{ len .str }} {{ len .multi }} {{ len .list }} {{ len .map }} {{ len .bin }}"),
    ("len int error", "{{ len 3 }}"),
    ("len nil", "{{ len .nilv }}"),
    ("print", "{{ print 1 2 \"a\" \"b\" 3 .nilv }}"),
    ("println", "{{ println 1 \"a\" }}"),
    ("printf verbs", "{{ printf \"%d %5d %-5d| %05d %x %X %o %b %c %q\" 42 42 42 42 255 255 8 5 65 \"hi\" }}"),
    ("printf floats", "{{ printf \"%f %.2f %e %g %G %8.3f\" 3.14159 3.14159 1234.5678 0.000012345 1e21 2.5 }}"),
    ("printf strings", "{{ printf \"%s|%10s|%-10s|%.3s|%q|%x|%X\" \"abc\" \"abc\" \"abc\" \"abcdef\" \"a\\\"b\" \"hi\" \"hi\" }}"),
    ("printf v", "{{ printf \"%v %v %v %v\" .list .map .nilv .t }}"),
    ("printf plus v", "{{ printf \"%+v %+d\" .map 5 }}"),
    ("printf T", "{{ printf \"%T %T %T %T %T %T %T\" 1 1.5 \"s\" .list .map .bin .nilv }}"),
    ("printf percent", "{{ printf \"100%%\" }}"),
    ("printf missing arg", "{{ printf \"%d %d\" 1 }}"),
    ("printf extra arg", "{{ printf \"%d\" 1 2 }}"),
    ("printf bad verb", "{{ printf \"%d\" \"s\" }}"),
    ("printf star width", "{{ printf \"%*d|\" 5 1 }}"),
    ("printf multibyte width", "{{ printf \"%6s|%-6s|\" \"äö\" \"日本\" }}"),
    ("printf s bytes", "{{ printf \"%s\" .utf8b }}"),
    ("printf x bytes", "{{ printf \"%x\" .bin }}"),
    ("printf X bytes", "{{ printf \"%X\" .bin }}"),
    ("printf q bytes", "{{ printf \"%q\" .bin }}"),
    ("printf s binary b64", "{{ printf \"%s\" .bin | b64enc }}"),
    ("printf v bytes", "{{ printf \"%v\" .bin }}"),
    ("printf d bytes", "{{ printf \"%d\" .bin }}"),
    ("printf q multibyte", "{{ printf \"%q\" \"日本\\x00\" }}"),
    ("printf q raw byte", "{{ printf \"%q\" \"a\\xffb\" }}"),
    ("printf x string", "{{ printf \"%x\" \"héllo\" }}"),
    ("printf precision runes", "{{ printf \"%.2s\" \"日本語\" }}"),
    ("html", "{{ html \"<a href='x'>&\\\"</a>\" }}"),
    ("js", "{{ js \"it's <b> \\\"q\\\" \\\\ \\u2028 =\" }}"),
    ("urlquery", "{{ urlquery \"a b&c=d/é\" }}"),
    ("call nil", "{{ call .nilv }}"),
    ("slice list", "{{ slice .list 1 3 }}"),
    ("slice from", "{{ slice .list 2 }}"),
    ("slice whole", "{{ slice .list }}"),
    ("slice out of range", "{{ slice .list 2 9 }}"),
]:
    add(B, name, t)

# ---- string functions, probed over every input ----
S = "strings"
ONE_ARG = ["trim", "upper", "lower", "title", "untitle", "nospace", "initials", "swapcase",
           "snakecase", "camelcase", "kebabcase", "quote", "squote", "b64enc", "b32enc",
           "sha1sum", "sha256sum", "adler32sum", "toString", "len", "base", "dir", "clean", "ext",
           "isAbs", "urlquery", "html", "js", "shuffle | len"]
for fn in ONE_ARG:
    for i, st in enumerate(STRINGS):
        add(S, f"{fn} #{i}", "{{ %s | %s }}" % (q(st), fn))
for fn in ["trunc", "abbrev", "wrap", "repeat", "indent", "nindent"]:
    for c in COUNTS:
        for i in [0, 2, 4, 5, 6, 8, 9]:
            st = STRINGS[i]
            if fn == "repeat" and c > 5:
                continue
            add(S, f"{fn} {c} #{i}", "{{ %s %d %s }}" % (fn, c, q(st)))
for c in [1, 2, 3, 5, 10]:
    for i in [2, 4, 5, 8]:
        add(S, f"wrapWith {c} #{i}", "{{ wrapWith %d \"<br>\" %s }}" % (c, q(STRINGS[i])))
for (a, b) in [(0, 3), (1, 4), (-1, 2), (2, -1), (3, 1), (0, 99), (99, 100), (1, 2)]:
    for i in [2, 3, 4, 8]:
        add(S, f"substr {a} {b} #{i}", "{{ substr %d %d %s }}" % (a, b, q(STRINGS[i])))
for (l, r) in [(0, 4), (3, 5), (5, 10), (0, 10), (4, 8)]:
    for i in [2, 5, 4]:
        add(S, f"abbrevboth {l} {r} #{i}", "{{ abbrevboth %d %d %s }}" % (l, r, q(STRINGS[i])))
for name, t in [
    ("trimAll", "{{ trimAll \"$-\" \"$-a-b$-\" }} {{ trimall \"ö\" \"öaö\" }}"),
    ("trimPrefix trimSuffix", "{{ trimPrefix \"he\" .ascii }} {{ trimSuffix \"ld\" .ascii }}"),
    ("contains hasPrefix hasSuffix", "{{ contains \"ll\" .ascii }} {{ hasPrefix \"hé\" .str }} {{ hasSuffix \"x\" .str }}"),
    ("replace", "{{ replace \"l\" \"L\" .str }} {{ \"aaa\" | replace \"\" \"-\" }}"),
    ("plural", "{{ plural \"one\" \"many\" 1 }} {{ plural \"one\" \"many\" 0 }} {{ plural \"one\" \"many\" -1 }}"),
    ("split", "{{ split \",\" \"a,b,,c\" }} {{ (split \",\" \"a,b\")._1 }}"),
    ("splitList", "{{ splitList \",\" \"a,b,,c\" }} {{ splitList \"\" \"日本\" }}"),
    ("splitn", "{{ splitn \",\" 2 \"a,b,c\" }} {{ splitn \",\" 0 \"a,b\" }} {{ splitn \",\" -1 \"a,b\" }}"),
    ("cat", "{{ cat \"a\" 1 .nilv \"b\" .list }}"),
    ("join", "{{ join \"-\" .words }} {{ join \",\" .list }} {{ join \"/\" \"single\" }}"),
    ("toStrings", "{{ toStrings .list }} {{ toStrings .list | typeOf }}"),
    ("sortAlpha", "{{ sortAlpha .words }} {{ sortAlpha .list }}"),
    ("quote multi", "{{ quote \"a\" 1 .nilv \"é\\n\" }} {{ squote \"a\" .nilv 2 }}"),
    ("indent multiline", "{{ indent 2 \"a\\nb\\n\" }}|{{ nindent 1 \"x\" }}"),
    ("randAlphaNum", "{{ randAlphaNum 12 | len }} {{ randAlpha 5 | regexMatch \"^[a-zA-Z]{5}$\" }}"),
    ("randNumeric randAscii", "{{ randNumeric 4 | regexMatch \"^[0-9]{4}$\" }} {{ randAscii 7 | len }}"),
    ("rand zero", "{{ randAlpha 0 | len }}"),
    ("rand negative", "{{ randAlpha -1 | len }}"),
    ("uuidv4", "{{ uuidv4 | regexMatch \"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$\" }}"),
    ("upper straße", "{{ upper \"straße\" }}"),
    ("lower final sigma", "{{ lower \"ΟΔΟΣ\" }}"),
    ("title mixed", "{{ title \"hello wörld-foo_bar ǆ\" }}"),
    ("hello", "{{ hello }}"),
    ("wrap wide", "{{ wrap 80 .str }}"),
    ("substr whole", "{{ substr 0 5 .ascii }}"),
    ("trunc wrong type", "{{ trunc \"a\" \"b\" }}"),
    ("upper wrong type", "{{ upper 1 }}"),
    ("upper nil", "{{ upper .nilv }}"),
]:
    add(S, name, t)

# ---- conversions, defaults, types ----
C = "conversions"
for name, t in [
    ("toString", "{{ toString 1 }} {{ toString 1.5 }} {{ toString .nilv }} {{ toString .list }} {{ toString .t }}"),
    ("toString bytes", "{{ toString .utf8b }}"),
    ("toString binary b64", "{{ .bin | toString | b64enc }}"),
    ("toString binary len", "{{ .bin | toString | len }}"),
    ("toString binary sha256", "{{ .bin | toString | sha256sum }}"),
    ("toString binary print", "{{ .bin | toString }}"),
    ("toString binary quote", "{{ .bin | toString | quote }}"),
    ("toString binary upper", "{{ .bin | toString | upper | b64enc }}"),
    ("toString binary trunc", "{{ .bin | toString | trunc 3 | b64enc }}"),
    ("toString binary toJson", "{{ .bin | toString | toJson }}"),
    ("atoi", "{{ atoi \"42\" }} {{ atoi \"x\" }} {{ atoi \" 1\" }} {{ atoi \"-5\" }}"),
    ("int", "{{ int \"42\" }} {{ int 3.9 }} {{ int \"0x1F\" }} {{ int \"x\" }} {{ int .nilv }} {{ int true }}"),
    ("int64", "{{ int64 \"42\" }} {{ int64 3.9 | typeOf }} {{ int64 -1 }}"),
    ("float64", "{{ float64 \"1.5\" }} {{ float64 2 }} {{ float64 \"x\" }} {{ float64 \"1e3\" }}"),
    ("toDecimal", "{{ toDecimal \"0777\" }} {{ toDecimal \"8\" }} {{ toDecimal \"x\" }}"),
    ("default", "{{ default \"d\" .empty }} {{ default \"d\" .ascii }} {{ default 1 0 }} {{ default \"d\" .nilv }}"),
    ("default list", "{{ default \"d\" list }} {{ .map.b | default \"z\" }}"),
    ("empty", "{{ empty .empty }} {{ empty 0 }} {{ empty .list }} {{ empty .map }} {{ empty .nilv }} {{ empty false }} {{ empty .t }}"),
    ("coalesce", "{{ coalesce .empty 0 .nilv \"x\" }} {{ coalesce 0 \"\" }}"),
    ("ternary", "{{ ternary \"y\" \"n\" true }} {{ true | ternary 1 2 }}"),
    ("toJson", "{{ toJson .map }} {{ toJson .list }} {{ toJson .str }} {{ toJson \"<&>\" }} {{ toJson .nilv }} {{ toJson .bin }}"),
    ("toJson floats", "{{ toJson 1.0 }} {{ toJson 1e21 }} {{ toJson 0.000001 }} {{ toJson 1e-7 }}"),
    ("toPrettyJson", "{{ toPrettyJson .map }}"),
    ("toPrettyJson empty", "{{ toPrettyJson list }} {{ toPrettyJson dict }}"),
    ("typeOf", "{{ typeOf 1 }} {{ typeOf .f }} {{ typeOf .str }} {{ typeOf .list }} {{ typeOf .map }} {{ typeOf .bin }} {{ typeOf .nilv }} {{ typeOf .t }}"),
    ("typeIs", "{{ typeIs \"int\" 1 }} {{ typeIs \"string\" 1 }} {{ typeIsLike \"int\" 1 }} {{ typeIsLike \"*int\" 1 }}"),
    ("kindOf", "{{ kindOf 1 }} {{ kindOf .list }} {{ kindOf .map }} {{ kindOf .bin }} {{ kindOf .nilv }} {{ kindOf \"s\" }}"),
    ("kindIs", "{{ kindIs \"slice\" .list }} {{ kindIs \"map\" .list }} {{ kindIs \"invalid\" .nilv }}"),
    ("deepEqual", "{{ deepEqual .list .list }} {{ deepEqual 1 1.0 }} {{ deepEqual \"a\" \"a\" }} {{ deepEqual .map (dict \"a\" 1) }}"),
    ("deepCopy", "{{ deepCopy .map }} {{ deepCopy .list | len }}"),
    ("fail", "{{ fail \"boom\" }}"),
    ("int64 arithmetic", "{{ add (int64 1) 2 | typeOf }} {{ int64 5 | printf \"%T\" }}"),
]:
    add(C, name, t)

# ---- lists and dicts ----
L = "collections"
for name, t in [
    ("list", "{{ list 1 \"a\" .nilv }} {{ list | len }}"),
    ("tuple", "{{ tuple 1 2 }}"),
    ("append push", "{{ append .list 5 }} {{ push .words \"z\" }}"),
    ("append nil", "{{ append .nilv 1 }}"),
    ("append wrong", "{{ append 1 2 }}"),
    ("prepend", "{{ prepend .words \"z\" }}"),
    ("first rest last initial", "{{ first .words }} {{ rest .words }} {{ last .words }} {{ initial .words }}"),
    ("first empty", "{{ first list }} {{ rest list }} {{ last list }} {{ initial list }}"),
    ("first string", "{{ first \"abc\" }}"),
    ("reverse", "{{ reverse .words }} {{ reverse list }}"),
    ("uniq", "{{ uniq .words }} {{ uniq (list 1 1 2 1.0) }}"),
    ("without", "{{ without .words \"a\" }} {{ without .list 1 .nilv }}"),
    ("has", "{{ has \"a\" .words }} {{ has 9 .list }} {{ has .nilv .list }}"),
    ("has nil list", "{{ has 1 .nilv }}"),
    ("compact", "{{ compact (list 1 0 \"\" .nilv \"x\" false) }}"),
    ("concat", "{{ concat .words .list (list 9) }}"),
    ("until", "{{ until 5 }} {{ until 0 }} {{ until -3 }}"),
    ("untilStep", "{{ untilStep 0 10 3 }} {{ untilStep 10 0 -4 }} {{ untilStep 0 5 0 }} {{ untilStep 0 5 -1 }}"),
    ("dict", "{{ dict \"a\" 1 \"b\" \"x\" }} {{ dict \"odd\" }} {{ dict 1 2 }}"),
    ("set unset", "{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }} {{ unset $d \"a\" }}"),
    ("hasKey", "{{ hasKey .map \"a\" }} {{ hasKey .map \"q\" }}"),
    ("pluck", "{{ pluck \"a\" .map (dict \"a\" 2) (dict \"b\" 3) }}"),
    ("keys", "{{ keys .map | sortAlpha }} {{ keys (dict \"z\" 1) (dict \"y\" 2) | sortAlpha }}"),
    ("values", "{{ values (dict \"k\" \"v\") }}"),
    ("pick omit", "{{ pick .map \"a\" \"q\" }} {{ omit .map \"a\" }}"),
    ("merge", "{{ merge (dict \"a\" 1 \"z\" \"\") (dict \"a\" 2 \"b\" 3 \"z\" \"filled\") }}"),
    ("merge nested", "{{ merge (dict \"m\" (dict \"x\" 1)) (dict \"m\" (dict \"x\" 9 \"y\" 2)) }}"),
    ("merge zero int", "{{ merge (dict \"n\" 0 \"f\" false) (dict \"n\" 5 \"f\" true) }}"),
    ("merge nil value", "{{ merge (dict \"n\" .nilv) (dict \"n\" 5) }}"),
    ("mergeOverwrite", "{{ mergeOverwrite (dict \"a\" 1 \"b\" 2) (dict \"a\" 9 \"c\" 3) }}"),
    ("mergeOverwrite empty src", "{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" \"\") }}"),
    ("slice errors", "{{ slice .list 3 1 }}"),
    ("index dict int key", "{{ index (dict \"a\" 1) 1 }}"),
]:
    add(L, name, t)

# ---- maths ----
M = "math"
for name, t in [
    ("add", "{{ add 1 2 3 }} {{ add \"4\" 1 }} {{ add 1.9 1 }} {{ add }}"),
    ("add1 sub", "{{ add1 9 }} {{ sub 5 7 }} {{ sub \"x\" 1 }}"),
    ("mul div mod", "{{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }} {{ div -7 2 }} {{ mod -7 3 }}"),
    ("div zero", "{{ div 1 0 }}"),
    ("mod zero", "{{ mod 1 0 }}"),
    ("max min", "{{ max 1 9 3 }} {{ min 4 -2 8 }} {{ biggest 1 2 }} {{ max 5 }}"),
    ("ceil floor round", "{{ ceil 1.1 }} {{ floor 1.9 }} {{ round 1.2345 2 }} {{ round 2.5 0 }} {{ round -2.5 0 }} {{ round 1.5 0 0.4 }}"),
    ("ceil string", "{{ ceil \"2.1\" }} {{ floor \"x\" }}"),
    ("int overflow", "{{ add 9223372036854775807 1 }}"),
    ("big literal", "{{ 9223372036854775808 }}"),
]:
    add(M, name, t)

# ---- dates (fixed instants; local zone is UTC: TZ=UTC) ----
D = "dates"
for name, t in [
    ("date unix", "{{ date \"2006-01-02 15:04:05 MST\" 1700000000 }}"),
    ("date layout tokens", "{{ date \"Mon Jan _2 3:04PM .000 -0700 Z07:00 06 January Monday pm\" 1700000000 }}"),
    ("dateInZone UTC", "{{ dateInZone \"2006-01-02T15:04:05Z07:00\" 1700000000 \"UTC\" }}"),
    ("dateInZone named", "{{ dateInZone \"2006-01-02 15:04 MST -0700\" 1700000000 \"Europe/Berlin\" }}"),
    ("dateInZone named summer", "{{ dateInZone \"2006-01-02 15:04 MST\" 1690000000 \"America/New_York\" }}"),
    ("dateInZone Asia", "{{ dateInZone \"15:04 MST\" 1700000000 \"Asia/Kolkata\" }}"),
    ("date_in_zone bad zone", "{{ date_in_zone \"15:04 MST\" 1700000000 \"Nowhere/City\" }}"),
    ("htmlDate", "{{ htmlDate 1700000000 }} {{ htmlDateInZone 1700000000 \"Asia/Tokyo\" }}"),
    ("toDate", "{{ toDate \"2006-01-02\" \"2024-02-29\" }}"),
    ("toDate bad", "{{ toDate \"2006-01-02\" \"2024-02-30\" }}"),
    ("toDate Year", "{{ (toDate \"2006-01-02\" \"2024-02-29\").Year }}"),
    ("toDate Unix", "{{ (toDate \"2006-01-02\" \"2024-02-29\").Unix }}"),
    ("toDate Month Day", "{{ (toDate \"2006-01-02\" \"2024-02-29\").Month }} {{ (toDate \"2006-01-02\" \"2024-02-29\").Day }}"),
    ("toDate Format", "{{ (toDate \"2006-01-02\" \"2024-02-29\").Format \"Jan 2, 2006\" }}"),
    ("toDate UTC", "{{ (toDate \"2006-01-02T15:04:05Z07:00\" \"2024-02-29T10:00:00+02:00\").UTC }}"),
    ("date of toDate", "{{ toDate \"2006-01-02\" \"2024-02-29\" | date \"02/01/2006\" }}"),
    ("dateModify", "{{ toDate \"2006-01-02\" \"2024-02-29\" | dateModify \"+36h\" | date \"2006-01-02 15:04\" }}"),
    ("dateModify bad", "{{ toDate \"2006-01-02\" \"2024-02-29\" | dateModify \"x\" }}"),
    ("unixEpoch", "{{ toDate \"2006-01-02\" \"2024-02-29\" | unixEpoch }}"),
    ("date of string", "{{ date \"2006\" \"x\" }}"),
    ("now is time", "{{ now | typeOf }} {{ gt (now | unixEpoch | int64) 1700000000 }}"),
    ("ago of now", "{{ now | ago }}"),
]:
    add(D, name, t)

# Date arguments of every type sprig's switch tells apart, durations at Go's limits, and the
# results that overflow in Go (UnixNano, ago of year 1).
Y2K = 'toDate "2006" "2000"'
for name, t in [
    ("date of int and int64", "{{ date \"2006-01-02 15:04:05\" 86400 }} {{ date \"2006-01-02 15:04:05\" (int64 86400) }} {{ htmlDate 86400 }} {{ htmlDate (int64 86400) }} {{ date \"2006\" -62135596800 }}"),
    ("date far years", "{{ date \"2006-01-02\" 253402300800 }} {{ date \"2006-01-02\" -62135596801 }} {{ date \"2006-01-02\" -62198755200 }}"),
    ("date of Month is now", "{{ date \"2006\" (toDate \"2006-01-02\" \"2024-03-05\").Month | len }} {{ date \"2006\" 86400.5 | len }} {{ date \"2006\" \"x\" | len }}"),
    ("ago of year one", "{{ ago (toDate \"2006\" \"x\") }}"),
    ("ago of other types", "{{ ago \"x\" }}|{{ ago .nilv }}|{{ ago 1.5 }}|{{ ago (toDate \"2006-01-02\" \"2024-03-05\").Month }}"),
    ("dateModify forms", "{{ " + Y2K + " | dateModify \"-+5h\" | date \"15:04\" }} {{ " + Y2K + " | dateModify \"0.5ns\" | date \"15:04:05.000000000\" }} {{ " + Y2K + " | dateModify \".5h\" | date \"15:04\" }} {{ " + Y2K + " | dateModify \"1.5h30m\" | date \"15:04\" }} {{ " + Y2K + " | dateModify \"+0\" | date \"15:04\" }} {{ " + Y2K + " | dateModify \"1h-1m\" | date \"15:04\" }} {{ " + Y2K + " | dateModify \"5.h\" | date \"15:04\" }} {{ " + Y2K + " | dateModify \"1µs\" | date \"15:04:05.000000000\" }} {{ " + Y2K + " | dateModify \"1μs\" | date \"15:04:05.000000000\" }}"),
    ("dateModify fractions", "{{ " + Y2K + " | dateModify \"0.0000000000000000000001h\" | date \"15:04:05.000000000\" }} {{ " + Y2K + " | dateModify \"1.99999999999999999999999s\" | date \"15:04:05.000000000\" }} {{ " + Y2K + " | dateModify \"9223372036ns\" | date \"15:04:05.000000000\" }} {{ " + Y2K + " | dateModify \"1.000000001s\" | date \"15:04:05.000000000\" }}"),
    ("dateModify limits", "{{ toDate \"2006\" \"9999\" | dateModify \"2562047h\" | date \"2006-01-02\" }} {{ toDate \"2006\" \"x\" | dateModify \"-2562047h\" | date \"2006-01-02\" }} {{ toDate \"2006\" \"x\" | dateModify \"-2562048h\" | date \"2006-01-02\" }} {{ " + Y2K + " | dateModify \"-2562047h47m16.854775808s\" | date \"2006-01-02T15:04:05.999999999\" }} {{ " + Y2K + " | dateModify \"2562047h47m16.854775808s\" | date \"2006\" }}"),
    ("Unix of year one", "{{ (toDate \"2006\" \"x\").Unix }} {{ (toDate \"2006\" \"x\").UnixNano }} {{ (toDate \"2006\" \"x\").UnixMilli }} {{ (toDate \"2006\" \"9999\").UnixNano }}"),
    ("zero time fields", "{{ (toDate \"2006\" \"x\").YearDay }} {{ (toDate \"2006\" \"x\").Weekday }} {{ (toDate \"2006\" \"x\").IsZero }} {{ toDate \"2006-01-02\" \"2024-02-30\" }}"),
]:
    add(D, name, t)

# ---- encoding, paths, regex, versions, URLs ----
E = "encoding"
for name, t in [
    ("b64", "{{ b64enc \"héllo\" }} {{ b64dec \"aMOpbGxv\" }} {{ b64dec \"!!\" }}"),
    ("b64dec binary", "{{ b64dec \"AP/+QcMogA==\" | b64enc }} {{ b64dec \"AP/+QcMogA==\" | len }}"),
    ("b64dec binary print", "{{ b64dec \"AP/+QcMogA==\" }}"),
    ("b32", "{{ b32enc \"héllo\" }} {{ b32dec \"NDB2W3DMN4======\" }} {{ b32dec \"1\" }}"),
    ("sums", "{{ sha1sum \"abc\" }} {{ sha256sum \"\" }} {{ adler32sum \"Wikipedia\" }}"),
    ("paths", "{{ base \"/a/b.tar.gz\" }} {{ dir \"/a/b/c\" }} {{ clean \"a//b/../c/.\" }} {{ ext \"x.tar.gz\" }} {{ isAbs \"/x\" }} {{ base \"\" }} {{ dir \"\" }}"),
    ("regexMatch", "{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexMatch \"(\" \"x\" }}"),
    ("regexFind", "{{ regexFind \"[0-9]+\" \"ab123cd45\" }} {{ regexFindAll \"[0-9]+\" \"a1b22c333\" -1 }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }}"),
    ("regexReplaceAll", "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-\" \"${1}\" }}"),
    ("regexSplit", "{{ regexSplit \"z+\" \"pizza\" -1 }} {{ regexSplit \"\" \"abc\" 2 }}"),
    ("regex multibyte", "{{ regexFindAll \".\" \"日本\" -1 }} {{ regexReplaceAll \"ü\" \"für\" \"ue\" }}"),
    ("semverCompare", "{{ semverCompare \">=1.2.3\" \"1.3.0\" }} {{ semverCompare \"~1.2\" \"1.3.0\" }} {{ semverCompare \"^1.2.0\" \"1.9.9\" }} {{ semverCompare \"1.x\" \"2.0.0\" }}"),
    ("semverCompare bad", "{{ semverCompare \">=1.2.3\" \"notaversion\" }}"),
    ("semverCompare range", "{{ semverCompare \">1.0, <2.0\" \"1.5.0\" }} {{ semverCompare \"1.0 - 2.0\" \"2.0.1\" }} {{ semverCompare \"!=1.2.3\" \"1.2.3\" }}"),
    ("urlParse", "{{ $u := urlParse \"https://user:pw@host:8080/p/a?q=1#frag\" }}{{ $u.scheme }} {{ $u.host }} {{ $u.hostname }} {{ $u.path }} {{ $u.query }} {{ $u.fragment }} {{ $u.userinfo }} {{ $u.opaque }}"),
    ("urlParse bad", "{{ urlParse \"%zz\" }}"),
    ("urlJoin", "{{ urlJoin (dict \"scheme\" \"http\" \"host\" \"h:1\" \"path\" \"/x y\" \"query\" \"a=b\") }}"),
    ("urlquery bytes", "{{ urlquery .bin }}"),
    ("urlParse escaped bytes", "{{ (urlParse \"http://h/%ff%c3%28\").path | b64enc }} {{ (urlParse \"http://u%ffx@h/\").userinfo | b64enc }} {{ (urlParse \"http://h/?q=%ff\").query | b64enc }} {{ (urlParse \"http://h/#%ff\").fragment | b64enc }}"),
]:
    add(E, name, t)

# ---- Go types the value model keeps apart: int64, time.Month/Weekday, typed slices ----
T = "types"
MONTH = '(toDate "2006-01-02" "2024-03-05").Month'
WEEKDAY = '(toDate "2006-01-02" "2024-03-05").Weekday'
for name, t in [
    ("int64 results", "{{ add 1 2 | typeOf }} {{ sub 5 3 | typeOf }} {{ mul 2 3 | typeOf }} {{ div 6 3 | typeOf }} {{ mod 6 4 | typeOf }} {{ add1 1 | typeOf }} {{ max 1 2 | typeOf }} {{ min 1 2 | typeOf }} {{ biggest 1 2 | typeOf }} {{ toDecimal \"777\" | typeOf }}"),
    ("int results", "{{ len \"ab\" | typeOf }} {{ atoi \"3\" | typeOf }} {{ int 5 | typeOf }} {{ int (add 1 2) | typeOf }} {{ .n | typeOf }} {{ len (list 1) | typeOf }}"),
    ("int64 kind", "{{ int64 5 | kindOf }} {{ kindIs \"int64\" (int64 1) }} {{ typeIs \"int64\" (add 1 1) }} {{ typeIsLike \"int64\" (add 1 1) }} {{ int64 5 | kindIs \"int\" }}"),
    ("int64 prints", "{{ add 1 2 }} {{ add 1 2 | toString }} {{ add 1 2 | toJson }} {{ list (add 1 2) 4 }} {{ dict \"a\" (add 1 2) }} {{ print (add 1 2) (add 1 2) }}"),
    ("int64 printf", "{{ printf \"%05d|%x|%v|%s|%q|%T|%6.3d\" (add 1 2) (add 10 5) (add 1 2) (add 1 2) (add 1 2) (add 1 2) (add 1 2) }}"),
    ("int64 printf star", "{{ printf \"%*d|\" (int64 4) 3 }}"),
    ("int64 to int param", "{{ trunc (int64 2) \"abc\" }}"),
    ("int64 to until", "{{ until (add 1 2) }}"),
    ("int64 to repeat", "{{ repeat (int64 2) \"ab\" }}"),
    ("int64 to indent", "{{ indent (add 1 1) \"x\" }}"),
    ("int64 to round places", "{{ round 1.25 (int64 1) }}"),
    ("int64 index and slice", "{{ index .words (int64 1) }} {{ slice .words (int64 1) }} {{ slice .words 1 (int64 3) }}"),
    ("int64 compare", "{{ eq (int64 1) 1 }} {{ eq (int64 3) (atoi \"3\") }} {{ lt (int64 1) 2 }} {{ ge (add 1 1) .n }} {{ ne (int64 1) 2 }}"),
    ("int64 range", "{{ range (int64 2) }}{{ . }}{{ . | typeOf }} {{ end }}"),
    ("int64 truth", "{{ empty (int64 0) }} {{ default 5 (int64 0) }} {{ if (int64 0) }}t{{ else }}f{{ end }} {{ and (int64 1) \"x\" }}"),
    ("int64 deepEqual", "{{ deepEqual (int64 1) 1 }} {{ deepEqual (int64 1) (add 0 1) }} {{ has 1 (list (int64 1)) }} {{ has (int64 1) (list (add 1 0)) }} {{ list 1 (int64 1) | uniq }}"),
    ("int64 floats", "{{ round (int64 3) 0 }} {{ float64 (int64 3) | typeOf }} {{ ceil (int64 2) }} {{ int64 3.9 }} {{ int64 \"x\" }}"),
    ("int64 list types", "{{ list (int64 1) 2 | printf \"%T\" }} {{ list (int64 1) 2 | toJson }}"),
    ("unix is int64", "{{ (toDate \"2006-01-02\" \"2024-03-05\").Unix | typeOf }} {{ (toDate \"2006-01-02\" \"2024-03-05\").UnixMilli | typeOf }} {{ (toDate \"2006-01-02\" \"2024-03-05\").Year | typeOf }} {{ (toDate \"2006-01-02\" \"2024-03-05\").YearDay | typeOf }}"),
    ("Month", "{{ " + MONTH + " }} {{ " + MONTH + " | typeOf }} {{ " + MONTH + " | kindOf }}"),
    ("Month printf", "{{ $m := " + MONTH + " }}{{ printf \"%d|%v|%s|%q|%x|%X|%02d|%5v|%-7s|%.3s|%T|%f\" $m $m $m $m $m $m $m $m $m $m $m $m }}"),
    ("Month converts", "{{ $m := " + MONTH + " }}{{ $m | toString }} {{ $m | toJson }} {{ int $m }} {{ int $m | typeOf }} {{ add $m 1 }} {{ $m | int64 | typeOf }} {{ float64 $m }}"),
    ("Month compares", "{{ $m := " + MONTH + " }}{{ eq $m 3 }} {{ lt $m 4 }} {{ eq $m (int64 3) }} {{ ne $m 2 }} {{ eq $m " + WEEKDAY + " }}"),
    ("Month in collections", "{{ $m := " + MONTH + " }}{{ list $m 1 }} {{ dict \"m\" $m }} {{ print $m $m }} {{ list $m | toJson }} {{ join \",\" (list $m 1) }} {{ toStrings (list $m) }}"),
    ("Month String method", "{{ (" + MONTH + ").String }} {{ " + MONTH + ".String }}"),
    ("Month to int param", "{{ trunc " + MONTH + " \"abcdef\" }}"),
    ("Month range", "{{ range " + MONTH + " }}{{ . }}/{{ . | typeOf }} {{ end }}"),
    ("Month deepEqual", "{{ deepEqual " + MONTH + " 3 }} {{ deepEqual " + MONTH + " " + MONTH + " }}"),
    ("Weekday", "{{ $w := " + WEEKDAY + " }}{{ $w }} {{ $w | typeOf }} {{ $w | kindOf }} {{ printf \"%d %v %s\" $w $w $w }} {{ $w | toString }} {{ eq $w 2 }} {{ list $w 1 }} {{ dict \"a\" $w }} {{ $w | toJson }}"),
    ("Weekday every day", "{{ range $d := list \"2024-03-03\" \"2024-03-04\" \"2024-03-06\" \"2024-03-07\" \"2024-03-08\" \"2024-03-09\" }}{{ (toDate \"2006-01-02\" $d).Weekday }} {{ end }}"),
    ("Month every month", "{{ range $d := list \"2024-01-31\" \"2024-02-01\" \"2024-04-01\" \"2024-05-01\" \"2024-06-01\" \"2024-07-01\" \"2024-08-01\" \"2024-09-01\" \"2024-10-01\" \"2024-11-01\" \"2024-12-31\" }}{{ (toDate \"2006-01-02\" $d).Month }} {{ end }}"),
    ("string slices", "{{ splitList \",\" \"a,b\" | typeOf }} {{ sortAlpha .words | typeOf }} {{ keys .map | typeOf }} {{ regexFindAll \"a\" \"aa\" -1 | typeOf }} {{ regexSplit \"a\" \"bab\" -1 | typeOf }} {{ .words | toStrings | typeOf }} {{ sortAlpha \"x\" | typeOf }}"),
    ("interface slices", "{{ uniq .words | typeOf }} {{ pluck \"a\" (dict \"a\" 1) | typeOf }} {{ values .map | typeOf }} {{ list 1 | typeOf }} {{ compact .list | typeOf }} {{ tuple 1 | typeOf }} {{ reverse .words | typeOf }} {{ without .words \"a\" | typeOf }} {{ concat .words .words | typeOf }}"),
    ("string slice through list functions", "{{ $s := toStrings .words }}{{ reverse $s | typeOf }} {{ rest $s | typeOf }} {{ initial $s | typeOf }} {{ slice $s 1 | typeOf }} {{ slice $s 1 | join \"\" }} {{ append $s \"z\" | typeOf }} {{ first $s | typeOf }} {{ uniq $s | typeOf }} {{ concat $s $s | typeOf }}"),
    ("int slices", "{{ until 3 }} {{ until 3 | typeOf }} {{ untilStep 0 4 2 | typeOf }} {{ until 0 | typeOf }} {{ index (until 3) 1 | typeOf }} {{ until 2 | printf \"%T %v\" }}"),
    ("toStrings", "{{ toStrings .list | join \"-\" }} {{ toStrings \"x\" }} {{ toStrings .nilv | typeOf }} {{ toStrings .nilv }} {{ toStrings .bin }} {{ toStrings .nilv | toJson }}"),
    ("toStrings prints", "{{ toStrings .words | printf \"%q %v %s %x %T\" }} {{ toStrings .words | toJson }} {{ toStrings .words }}"),
    ("string slice deepEqual", "{{ deepEqual (toStrings .words) .words }} {{ deepEqual (toStrings .words) (splitList \",\" \"b,a,c,a\") }} {{ has \"a\" (toStrings .words) }} {{ deepEqual (until 2) (list 0 1) }}"),
    ("keys sorted", "{{ keys .map | sortAlpha }} {{ keys .map | len }}"),
    ("byte elements", "{{ index .bin 1 | typeOf }} {{ range .bin }}{{ . | typeOf }},{{ end }} {{ first .bin | typeOf }} {{ last .bin }} {{ .bin | toStrings }} {{ concat .bin | typeOf }} {{ index .bin 1 | kindOf }} {{ printf \"%c %q %v %T\" (index .bin 3) (index .bin 3) (index .bin 3) (index .bin 3) }}"),
    ("byte element range index", "{{ range $i, $c := .bin }}{{ $i | typeOf }}/{{ $c }} {{ end }}"),
    ("byte element compares", "{{ eq (index .bin 3) 65 }} {{ lt (index .bin 3) 66 }} {{ add (index .bin 3) 1 }} {{ deepEqual (index .bin 3) 65 }} {{ has 65 .bin }} {{ index .bin 3 | toJson }}"),
    ("byte element to int param", "{{ trunc (index .bin 3) \"x\" }}"),
    ("printf q of ints", "{{ printf \"%q|%q|%q|%q|%q|%q|%q|%q|%q|%q|%q\" 3 39 92 34 10 1114112 55296 -1 65 173 8232 }}"),
    ("printf c and U", "{{ printf \"%c|%c|%c|%c|%U|%U|%#U|%#U\" 233 55296 -5 4294967361 1114112 -1 233 10 }}"),
    ("printf plus q", "{{ printf \"%+q|%+q|%q|%+q\" 233 \"héllo\\n\" \"\\uFFFD\" \"日本\" }}"),
]:
    add(T, name, t)

json.dump(cases, sys.stdout, ensure_ascii=False, indent=None)
