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

// givenNameWeak reports whether name's given name is nearly always a
// woman's among US births but borne by well-known men in British and
// Commonwealth news (Robin Cook, Hilary Benn, Lindsay Hoyle, Ashley Cole,
// Vivian Richards, Courtney Walsh, Sandy Lyle, Ainsley Harriott, Evelyn
// Waugh), so that a courtesy title says more than it.
func givenNameWeak(name string) bool {
	fields := strings.Fields(stripHonorifics(name))
	return len(fields) >= 2 && bothSexesAbroad[strings.ToLower(fields[0])]
}

var bothSexesAbroad = map[string]bool{
	"robin": true, "hilary": true, "lindsay": true, "ashley": true, "vivian": true,
	"courtney": true, "sandy": true, "ainsley": true, "evelyn": true,
}
