package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// readHTML extracts an article from an HTML page: the text of its <article>
// (else <main>, else <body>) one block element a line, leaving out
// navigation, headers, footers, asides, forms, scripts and hidden elements;
// and the title, outlet, URL and date from the usual meta tags.
// htmlError names an error of reading HTML as such (x/net/html's own
// errors already do).
func htmlError(err error) error {
	if strings.HasPrefix(err.Error(), "html: ") {
		return err
	}
	return fmt.Errorf("html: %w", err)
}

func readHTML(raw []byte) (Article, error) {
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return Article{}, htmlError(err)
	}
	decoded, err := io.ReadAll(r)
	if err != nil {
		return Article{}, htmlError(err)
	}
	decoded = bytes.TrimPrefix(decoded, bom) // charset keeps UTF-8's mark
	if bytes.IndexByte(decoded, 0) >= 0 {
		return Article{}, errors.New("binary data (NUL byte): not an HTML file")
	}
	doc, err := html.Parse(bytes.NewReader(decoded))
	if err != nil {
		return Article{}, htmlError(err)
	}
	var a Article
	var m meta
	var title, h1 string
	var article, mainEl, body *html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := attr(n, "property")
				if key == "" {
					key = attr(n, "name")
				}
				content := attr(n, "content")
				switch strings.ToLower(key) {
				case "og:title":
					m.Title = content
				case "og:site_name", "application-name", "publisher":
					if m.Outlet == "" {
						m.Outlet = content
					}
				case "og:url":
					if m.URL == "" {
						m.URL = content
					}
				case "article:published_time", "date", "pubdate", "dc.date", "publish-date":
					if m.Published == "" {
						m.Published = content
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.URL = attr(n, "href")
				}
			case atom.Title:
				if title == "" {
					title = textOf(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			case atom.Time:
				if m.Published == "" {
					m.Published = attr(n, "datetime")
				}
			case atom.Article:
				if article == nil {
					article = n
				}
			case atom.Main:
				if mainEl == nil {
					mainEl = n
				}
			case atom.Body:
				body = n
			}
			if mainEl == nil && strings.EqualFold(attr(n, "role"), "main") {
				mainEl = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	root := article
	if root == nil {
		root = mainEl
	}
	if root == nil {
		root = body
	}
	if root == nil {
		root = doc
	}
	var b blockWriter
	b.walk(root)
	m.fill(&a)
	if a.Title == "" {
		a.Title = strings.TrimSpace(title)
	}
	if a.Title == "" {
		a.Title = h1
	}
	a.Title = collapseSpace(a.Title)
	text, err := Normalize([]byte(b.String()))
	if err != nil {
		return Article{}, err
	}
	a.Text = text
	return a, nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return collapseSpace(sb.String())
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// blockWriter renders the text of an element tree, one block a line with
// inline whitespace collapsed.
type blockWriter struct {
	lines []string
	cur   strings.Builder
}

func (b *blockWriter) flush() {
	if line := collapseSpace(b.cur.String()); line != "" {
		b.lines = append(b.lines, line)
	}
	b.cur.Reset()
}

func (b *blockWriter) String() string {
	b.flush()
	return strings.Join(b.lines, "\n")
}

func (b *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.cur.WriteString(n.Data)
		return
	case html.ElementNode:
		if skipElement(n) {
			return
		}
		if n.DataAtom == atom.Br {
			b.flush()
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && isBlock(n.DataAtom)
	if block {
		b.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.walk(c)
	}
	if block {
		b.flush()
	}
}

func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer, atom.Aside,
		atom.Form, atom.Button, atom.Svg, atom.Iframe, atom.Template, atom.Select, atom.Figure,
		atom.Head, atom.Menu, atom.Dialog, atom.Object, atom.Canvas:
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden || attr(n, "aria-hidden") == "true" {
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search":
		return true
	}
	return false
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Ul, atom.Ol,
		atom.Blockquote, atom.Pre, atom.Section, atom.Article, atom.Main, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Dd, atom.Dt, atom.Dl, atom.Figcaption, atom.Hr, atom.Body, atom.Address, atom.Details, atom.Summary:
		return true
	}
	return false
}
