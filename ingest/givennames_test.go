package ingest

import "testing"

func TestGivenNameSex(t *testing.T) {
	for _, c := range []struct {
		name string
		want byte
	}{
		{"Hillary Clinton", 'f'},
		{"Bill Clinton", 'm'},
		{"Sen. Bernard Sanders", 'm'},
		{"Bernie Sanders", 'm'}, // 88% of Bernies
		{"Jean Castex", 0},      // a man's name in French
		{"Andrea Orlando", 0},   // and in Italian
		{"Mrs. Theresa May", 'f'},
		{"Nancy Pelosi’s", 'f'},
		{"Clinton", 0},            // a surname alone
		{"Kim Jong Un", 0},        // Kim: given to both sexes
		{"Lu Kang", 0},            // a surname first
		{"J. Smith", 0},           // an initial
		{"Volodymyr Zelensky", 0}, // not listed
		{"", 0},
	} {
		if got := givenNameSex(c.name); got != c.want {
			t.Errorf("givenNameSex(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
