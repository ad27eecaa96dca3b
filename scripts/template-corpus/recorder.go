// Command recorder runs template snippets through Go's text/template with sprig v2.22.0's
// function map, exactly as Kanister renders Blueprint arguments (Option("missingkey=error"),
// sprig.TxtFuncMap() with Kanister's FIPS replacements), and records Go's output or error.
//
// Input (stdin): a JSON array of {"name", "template"}. Output (stdout): the same array with one
// of "output" (valid UTF-8), "output_b64" (Go wrote bytes that are not UTF-8) or "error".
// Every snippet renders against fixture() below; tests/template_corpus.rs builds the same data.
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"text/template"
	"unicode/utf8"

	"github.com/Masterminds/sprig"
)

type snippet struct {
	Name      string  `json:"name"`
	Template  string  `json:"template"`
	Output    *string `json:"output,omitempty"`
	OutputB64 *string `json:"output_b64,omitempty"`
	Error     *string `json:"error,omitempty"`
}

// fixture is the data every snippet sees as ".". Keep in step with corpus_data() in
// tests/template_corpus.rs.
func fixture() map[string]interface{} {
	return map[string]interface{}{
		"ascii": "hello world",
		"str":   "héllo wörld",
		"multi": "日本語テキスト",
		"sp":    "  padded  ",
		"empty": "",
		"n":     42,
		"neg":   -7,
		"zero":  0,
		"f":     1.5,
		"t":     true,
		"nilv":  nil,
		"list":  []interface{}{1, "two", 3.5, nil},
		"words": []interface{}{"b", "a", "c", "a"},
		"map":   map[string]interface{}{"a": 1, "b": "x", "c": map[string]interface{}{"d": "deep"}},
		"bin":   []byte{0x00, 0xff, 0xfe, 'A', 0xc3, 0x28, 0x80},
		"utf8b": []byte("grüß"),
	}
}

// kanisterFuncs is what pkg/ksprig.TxtFuncMap returns: sprig's map with the FIPS-refused
// functions replaced by ones that fail.
func kanisterFuncs() template.FuncMap {
	m := sprig.TxtFuncMap()
	for _, name := range []string{"bcrypt", "derivePassword", "htpasswd"} {
		n := name
		m[n] = func(args ...interface{}) (string, error) {
			return "", fmt.Errorf("sprig usage of '%s' is not allowed by kanister as it is not FIPS compatible", n)
		}
	}
	return m
}

func run(src string) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	t, err := template.New("x").Option("missingkey=error").Funcs(kanisterFuncs()).Parse(src)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, fixture()); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func main() {
	var cases []snippet
	if err := json.NewDecoder(os.Stdin).Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, "recorder: reading cases:", err)
		os.Exit(1)
	}
	for i := range cases {
		out, err := run(cases[i].Template)
		switch {
		case err != nil:
			msg := err.Error()
			cases[i].Error = &msg
		case utf8.Valid(out):
			s := string(out)
			cases[i].Output = &s
		default:
			s := base64.StdEncoding.EncodeToString(out)
			cases[i].OutputB64 = &s
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(cases); err != nil {
		fmt.Fprintln(os.Stderr, "recorder:", errors.Unwrap(err))
		os.Exit(1)
	}
}
