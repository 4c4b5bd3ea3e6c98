package templates

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// This file turns parameter and header values into text and back: the
// client writes request parameters and reads response headers with it, and
// the server reads request parameters and writes response headers.

// paramText renders a parameter value that is not a plain scalar (a union
// of strings, say) as the text of a path, query, header or cookie value: its
// JSON encoding, without quotes when that is a string.
func paramText(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	if s, err := strconv.Unquote(string(data)); err == nil && len(data) > 0 && data[0] == '"' {
		return s
	}
	return string(data)
}

// splitList splits the values of an array parameter that does not
// explode at sep (a comma, or "|" or " " in the delimited styles):
// ids=1,2&ids=3 gives 1, 2, 3.
func splitList(values []string, sep string) []string {
	var out []string
	for _, v := range values {
		out = append(out, strings.Split(v, sep)...)
	}
	return out
}

// simpleObject reads an object header in style simple, key's values, as
// key → value (see objectItems); ok is false when the header is absent.
func simpleObject(c *validator, p *path, key string, values []string, explode bool) (map[string]string, bool) {
	if len(values) == 0 {
		return nil, false
	}
	return objectItems(c, p, key, values[0], explode), true
}

// objectItems reads the text of an object parameter whose keys and values
// are items joined with commas: in turn (R,100,G,200), or as key=value
// items when the parameter explodes (R=100,G=200). A key without its value,
// or given more than once (its first value is kept), is reported at key
// under p.
func objectItems(c *validator, p *path, key, text string, explode bool) map[string]string {
	out := map[string]string{}
	if text == "" {
		return out
	}
	items := strings.Split(text, ",")
	var counts map[string]int // of the keys given more than once
	keep := func(k, v string) {
		if _, seen := out[k]; !seen {
			out[k] = v
			return
		}
		if counts == nil {
			counts = map[string]int{}
		}
		counts[k] = max(counts[k], 1) + 1
	}
	if explode {
		for _, item := range items {
			k, v, ok := strings.Cut(item, "=")
			if !ok {
				fp := p.field(key)
				c.report(&fp, "must be key=value items separated by commas, not "+strconv.Quote(item))
				continue
			}
			keep(k, v)
		}
	} else {
		if len(items)%2 != 0 {
			fp := p.field(key)
			c.report(&fp, "must be keys and values in turn, separated by commas, not an odd count of items ("+strconv.Itoa(len(items))+")")
		}
		for i := 0; i+1 < len(items); i += 2 {
			keep(items[i], items[i+1])
		}
	}
	reportRepeats(c, p, key, counts)
	return out
}

// reportRepeats reports each property of object parameter name that was
// given more than once, counts[property] times, at its path under p: a
// strict server takes one value of each.
func reportRepeats(c *validator, p *path, name string, counts map[string]int) {
	for _, prop := range sortedKeys(counts) {
		fp := p.field(name)
		kp := fp.key(prop)
		c.report(&kp, "must be given once, not "+strconv.Itoa(counts[prop])+" times")
	}
}

// objectPath writes an object path parameter in style simple: the keys
// and values that fill gives add, each escaped as a path segment, joined
// with commas, in turn (R,100,G,200) or, when explode, as key=value items.
func objectPath(explode bool, fill func(add func(key, value string))) string {
	var items []string
	fill(func(key, value string) {
		key, value = url.PathEscape(key), url.PathEscape(value)
		if explode {
			items = append(items, key+"="+value)
		} else {
			items = append(items, key, value)
		}
	})
	return strings.Join(items, ",")
}

// joinTexts joins the texts that text gives items with sep: an array path
// parameter, whose items are joined with commas, or "." and ";name=" when
// they explode in label and matrix style.
func joinTexts[T any](items []T, sep string, text func(T) string) string {
	texts := make([]string, len(items))
	for i, item := range items {
		texts[i] = text(item)
	}
	return strings.Join(texts, sep)
}

// parseInt reads a parameter as a 64-bit integer, reporting a violation at p
// and returning 0 when text is not one.
func parseInt(c *validator, p *path, text string) int64 {
	n, err := strconv.ParseInt(text, 10, 64)
	switch {
	case errors.Is(err, strconv.ErrRange):
		c.report(p, "must be an integer between "+strconv.FormatInt(math.MinInt64, 10)+" and "+strconv.FormatInt(math.MaxInt64, 10)+", not "+strconv.Quote(text))
		return 0
	case err != nil:
		c.report(p, "must be an integer, not "+strconv.Quote(text))
		return 0
	}
	return n
}

// parseFloat reads a parameter as a finite number written as JSON writes
// numbers (no hex, infinities, NaN or leading plus), reporting a violation at p and returning 0
// when text is not one.
func parseFloat(c *validator, p *path, text string) float64 {
	x, err := strconv.ParseFloat(text, 64)
	if err != nil || !plainNumber([]byte(text)) {
		c.report(p, "must be a number, not "+strconv.Quote(text))
		return 0
	}
	return x
}

// parseBool reads a parameter as a boolean, which must be written true or
// false, reporting a violation at p and returning false otherwise.
func parseBool(c *validator, p *path, text string) bool {
	switch text {
	case "true":
		return true
	case "false":
		return false
	}
	c.report(p, "must be true or false, not "+strconv.Quote(text))
	return false
}

// parseTime reads a date-time parameter, written in RFC 3339 as the client
// writes it, reporting a violation at p and returning the zero time when
// text is not one.
func parseTime(c *validator, p *path, text string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, text)
	if err != nil {
		c.report(p, "must be an RFC 3339 date-time, not "+strconv.Quote(text))
		return time.Time{}
	}
	return t
}

// parseJSONText reads a parameter that travels as JSON text (a union, an
// object, an array of them) into dst, a pointer, as paramText writes it: a
// string without its quotes, anything else as JSON. It reports a violation
// at p when text is neither.
func parseJSONText(c *validator, p *path, text string, dst any) {
	err := json.Unmarshal([]byte(text), dst)
	if err == nil {
		return
	}
	if quoted, qerr := json.Marshal(text); qerr == nil && json.Unmarshal(quoted, dst) == nil {
		return
	}
	c.report(p, "must be JSON of the parameter's type: "+err.Error())
}

// plainNumber reports whether data looks like a JSON number that strconv
// reads the same way (no hex, no underscores, no leading plus).
func plainNumber(data []byte) bool {
	digits := bytes.TrimPrefix(data, []byte("-"))
	if len(digits) == 0 || digits[0] < '0' || digits[0] > '9' || (digits[0] == '0' && len(digits) > 1 && digits[1] >= '0' && digits[1] <= '9') {
		return false
	}
	for _, c := range data {
		if (c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' {
			return false
		}
	}
	return true
}

// concreteMediaType is the Content-Type for a body of media type
// mediaType, which the spec may give as a range (image/*, */*) that no
// Content-Type may be: the type net/http sniffs from the data when it
// falls in the range, else the range as written (HEIC is image/* but
// sniffs as application/octet-stream), which the generated server takes.
func concreteMediaType(mediaType string, data []byte) string {
	typ, sub, _ := strings.Cut(mediaType, "/")
	if !strings.Contains(sub, "*") {
		return mediaType
	}
	sniffed := http.DetectContentType(data)
	if typ == "*" || strings.HasPrefix(sniffed, strings.ToLower(typ)+"/") {
		return sniffed
	}
	return mediaType
}
