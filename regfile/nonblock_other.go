//go:build !unix

package regfile

// oNonblock: there are no FIFOs to wait on in the file system here.
const oNonblock = 0
