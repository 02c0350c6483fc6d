// Command limber is a terminal exercise coach for people living with
// peripheral neuropathy and the therapists who treat them.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
