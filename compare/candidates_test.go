package compare

import (
	"math/rand/v2"
	"testing"
)

// TestBucketKey checks that a band's key gives back its item and hash, and
// that the shuffle differs between bands.
func TestBucketKey(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	items := []int32{0, 1, 2, 1 << 20, 1<<31 - 1}
	for range 10000 {
		items = append(items, r.Int32())
	}
	for _, item := range items {
		for _, band := range []int{0, 1, lshBands - 1} {
			hash := r.Uint32()
			k := bucketKey(hash, item, band)
			if got := bucketItem(k, band); got != item {
				t.Fatalf("bucketItem(bucketKey(%d, %d, %d)) = %d", hash, item, band, got)
			}
			if uint32(k>>32) != hash {
				t.Fatalf("bucketKey(%d, %d, %d) keeps hash %d", hash, item, band, k>>32)
			}
		}
	}
	same := 0
	for u := int32(0); u < 1000; u++ {
		if uint32(bucketKey(0, u, 0)) < uint32(bucketKey(0, u+1, 0)) == (uint32(bucketKey(0, u, 1)) < uint32(bucketKey(0, u+1, 1))) {
			same++
		}
	}
	if same < 400 || same > 600 {
		t.Errorf("bands 0 and 1 order neighbours alike %d times in 1000; want about half", same)
	}
}
