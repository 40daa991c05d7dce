-- Test fixture: a wrapper chisel that execs into another with fixed arguments.
description = "iocount for curl every 2 seconds."
short_description = "curl I/O"
category = "Tests"

args = {}

function on_init()
	chisel.exec("iocount", "curl", "2")
	return true
end
