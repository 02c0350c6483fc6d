//go:build unix

package regfile

import "syscall"

// oNonblock opens a FIFO without waiting for its other end. On a regular
// file it changes nothing: reads and writes of disk files never wait on it.
const oNonblock = syscall.O_NONBLOCK
