package model

import "regexp"

var (
	htmlTag = regexp.MustCompile(`</?[a-zA-Z][^>]*>`)
	mdLink  = regexp.MustCompile(`\[([^\]]+)\]\(([^)\s]+)\)`)
)
