--[[
sysray chisel: fdtime_by. Sums the time spent in reads and writes on file descriptors per value of the given field, and lists the values with the most time.
Delegates to table_generator.
--]]

description = "Sums the time spent in reads and writes on file descriptors per value of the given field, and lists the values with the most time."
short_description = "FD time group by"
category = "I/O"

args = {
	{name = "key", description = "The filter field used for grouping", argtype = "string"},
}

local key

function on_set_arg(name, val)
	key = val
	return true
end

function on_init()
	chisel.exec("table_generator", key, key, "evt.latency", "Time", "evt.is_io=true", "10", "time")
	return true
end
