package ingest

import (
	_ "embed"
	"strings"
	"sync"
)

// givenNamesText lists given names that are nearly always one sex's, from
// the US Social Security Administration's birth counts (givennames_gen.go).
//
//go:embed givennames.txt
var givenNamesText string

var givenNames = sync.OnceValue(func() map[string]byte {
	m := make(map[string]byte, 8192)
	for _, line := range strings.Split(givenNamesText, "\n") {
		name, sex, ok := strings.Cut(line, " ")
		if ok && !strings.HasPrefix(line, "#") && len(sex) == 1 {
			m[name] = sex[0]
		}
	}
	return m
})

// givenNameSex returns 'm' or 'f' when a personal name (honorifics
// aside) has a given name and a surname and the given name is nearly
// always a man's or a woman's: "Hillary Clinton" 'f', "Sen. Bernie
// Sanders" 'm'. 0 when it does not tell: one word ("Clinton"), a given
// name both sexes bear ("Kim Jong Un", "Jordan Peele") or one not listed.
func givenNameSex(name string) byte {
	fields := strings.Fields(stripHonorifics(name))
	if len(fields) < 2 || !isCapitalized(fields[0]) || strings.Contains(fields[0], ".") {
		return 0
	}
	return givenNames()[strings.ToLower(fields[0])]
}
